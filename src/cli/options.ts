/** Options every command shares, read from the root program. */
import path from 'node:path';
import type { Command } from 'commander';

export interface GlobalOptions {
  /** Project root: where `dashboards/`, `alerts/`, `out/` … are. */
  root: string;
  verbose: number;
}

export function globalOptions(command: Command): GlobalOptions {
  const options = command.optsWithGlobals() as { root?: string; verbose?: number };
  return { root: path.resolve(options.root ?? process.cwd()), verbose: options.verbose ?? 0 };
}
