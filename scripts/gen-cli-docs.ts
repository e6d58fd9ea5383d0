/** Write docs/cli.md from the commands' own help (`npm run docs:cli`). */
import fs from 'node:fs';
import path from 'node:path';
import { cliReference } from '../src/cli/reference.ts';
import { repoRoot } from '../src/model/source.ts';

fs.writeFileSync(path.join(repoRoot, 'docs', 'cli.md'), cliReference());
