// Preloaded into a measured process (`node --import`): on exit, write the peak resident set
// size in bytes to $OBS_BENCH_RSS_FILE. Kept outside the product so the CLI carries no bench code.
import fs from 'node:fs';

process.on('exit', () => {
  const file = process.env.OBS_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
