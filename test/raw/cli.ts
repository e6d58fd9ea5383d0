/**
 * Run `obs` without blocking the test process: the emulators run in this process, so the
 * synchronous `runCli` would stop them from answering.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/model/source.ts';
import type { CliRun } from '../helpers/project.ts';

/** Start `obs <args>` with no colour; `done` resolves with its exit status and output. */
export function startCli(
  root: string,
  args: string[],
): { child: ChildProcess; stdout: () => string; done: Promise<CliRun> } {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin/obs.js'), '--root', root, ...args],
    {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, stdout, stderr });
    }),
  );
  return { child, stdout: () => stdout, done };
}

/** Run `obs <args>` to completion. */
export function runCliAsync(root: string, args: string[]): Promise<CliRun> {
  return startCli(root, args).done;
}
