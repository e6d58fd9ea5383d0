/** docs/cli.md is the commands' own help; it must not drift from the code. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cliReference } from '../../src/cli/reference.ts';
import { repoRoot } from '../../src/model/source.ts';

it('docs/cli.md matches the CLI (run `npm run docs:cli` after changing a command)', () => {
  const committed = fs.readFileSync(path.join(repoRoot, 'docs', 'cli.md'), 'utf8');
  expect(committed).toBe(cliReference());
});
