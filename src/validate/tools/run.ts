/** Run a tool once over many files and collect what it printed, never throwing. */
import { execFile } from 'node:child_process';

export interface ToolRun {
  code: number;
  output: string;
}

/** Run `bin args` in `cwd`; stdout and stderr together, exit code (-1 when it could not start). */
export function runTool(bin: string, args: string[], cwd: string): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      bin,
      args,
      { cwd, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
