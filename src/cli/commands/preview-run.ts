/** What `obs preview` does once its options are parsed; loaded only when it runs. */
import path from 'node:path';
import { generatePreview } from '../../preview/generate.ts';
import { resolveEndpoint } from '../../raw/endpoints.ts';
import { asUsage } from '../../raw/failure.ts';
import { parseDuration, parseTimeRange } from '../../raw/time-range.ts';
import { parseVarFlags } from '../../raw/variables.ts';
import { ExitCode } from '../exit-codes.ts';
import { out } from '../output.ts';
import type { PreviewFlags } from './preview.ts';

export async function runPreview(root: string, flags: PreviewFlags): Promise<number> {
  const file = path.resolve(root, flags.file);
  let live;
  if (flags.prometheusUrl || flags.env) {
    const range = asUsage(() => parseTimeRange(flags));
    const values = asUsage(() => parseVarFlags(flags.var));
    if (flags.env && values.env === undefined) values.env = flags.env;
    const scrapeInterval = asUsage(() => parseDuration(flags.scrapeInterval));
    const endpoint = await resolveEndpoint(root, 'prometheus', {
      env: flags.env,
      url: flags.prometheusUrl,
      timeoutSeconds: Number(flags.timeout),
    });
    live = { endpoint, range, scrapeInterval, values };
  }

  // A missing or unreadable out/ is a plain error naming the file: runRawCommand exits 2 on it.
  const result = await generatePreview({ root, outDir: path.resolve(root, flags.out), file, live });
  const shown = path.relative(process.cwd(), result.file) || result.file;
  if (flags.json) {
    out(JSON.stringify({ ...result, file: shown, live: Boolean(live) }, null, 2));
  } else {
    const size = `${(result.bytes / 1024).toFixed(1)} KiB`;
    const problems = result.problems ? ` · ${result.problems} panels with query problems` : '';
    out(
      `✔ preview of ${result.dashboards} dashboards, ${result.panels} panels → ${shown} (${size})${problems}`,
    );
    out(`  open it: file://${result.file}`);
  }
  return ExitCode.ok;
}
