/** `logs`: search and follow the services' logs through Loki's query API. */
import type { Command } from 'commander';
import { globalOptions } from '../options.ts';

export interface LogsFlags {
  service: string[];
  level?: string;
  text?: string;
  envLabel?: string;
  logql?: string;
  env?: string;
  lokiUrl?: string;
  since?: string;
  from?: string;
  to?: string;
  limit: string;
  follow?: boolean;
  interval: string;
  maxPolls?: string;
  timeout: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',')];

/** Register `obs logs`. */
export function registerLogs(program: Command): void {
  program
    .command('logs')
    .description('search and follow logs across services (Loki query API)')
    .option('--service <name>', 'only this service (repeatable, or comma-separated)', collect, [])
    .option('--level <level>', 'this level and above: trace, debug, info, warn, error, fatal')
    .option('--text <text>', 'lines containing this text (case-sensitive)')
    .option('--env-label <value>', 'only streams with this env label')
    .option('--logql <query>', 'run this LogQL instead of building one from the flags')
    .option('--env <name>', 'environment of platform/environments.ts')
    .option('--loki-url <url>', 'Loki URL, instead of --env')
    .option('--since <duration>', 'range ending now (default 1h)')
    .option('--from <time>', 'range start: now-2h, unix seconds or RFC3339')
    .option('--to <time>', 'range end (default now)')
    .option('--limit <n>', 'newest lines to show (per poll when following)', '100')
    .option('-f, --follow', 'keep polling for new lines until interrupted')
    .option('--interval <duration>', 'poll interval when following', '2s')
    .option('--max-polls <n>', 'stop following after n polls')
    .option('--timeout <seconds>', 'per request', '10')
    .option('--json', 'one JSON object per line')
    .action(async (flags: LogsFlags, command: Command) => {
      const { root } = globalOptions(command);
      const { runRawCommand } = await import('../../raw/failure.ts');
      const { runLogs } = await import('./logs-run.ts');
      process.exitCode = await runRawCommand(Boolean(flags.json), () => runLogs(root, flags));
    });
}
