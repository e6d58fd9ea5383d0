/**
 * Throwaway projects for tests: a temporary root with definition files written from strings
 * (so a fixture with a syntax error does not break the repository's typecheck), and a way to run
 * the real CLI on it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/model/source.ts';

/** Import specifier of the builders, usable from any temporary folder. */
export const buildersImport = path.join(repoRoot, 'src/builders/index.ts');
export const datasourcesImport = path.join(repoRoot, 'src/conventions/datasources.ts');

/** A temporary project root holding `files` (path → content). */
export function tempProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-project-'));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run `obs <args>` with the project root set, no colour. */
export function runCli(root: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/obs.js'), '--root', root, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 60_000,
    },
  );
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a folder with its content, for byte-for-byte comparison. */
export function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}
