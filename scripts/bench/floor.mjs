// The floor of a build: a fresh Node process that only writes the same bytes. It reads them
// from one packed JSON file (cheap, one read) and writes each file under the given folder.
import fs from 'node:fs';
import path from 'node:path';

const [packed, outDir] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(packed, 'utf8'));
const dirs = new Set(Object.keys(files).map((f) => path.dirname(path.join(outDir, f))));
for (const dir of dirs) fs.mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, file), text);
