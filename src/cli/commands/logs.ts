/** `logs`: search and follow the services' logs through Loki's query API. */
import type { Command } from 'commander';
import { resolveEndpoint } from '../../raw/endpoints.ts';
import { asUsage, runRawCommand } from '../../raw/failure.ts';
import { logEntryJson, renderLogEntry } from '../../raw/format/log-lines.ts';
import { toNs, type LogEntry } from '../../raw/loki.ts';
import { buildLogQuery } from '../../raw/logql.ts';
import { followLogs, searchLogs } from '../../raw/logs.ts';
import { parseDuration, parseTimeRange } from '../../raw/time-range.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../options.ts';
import { debug, out } from '../output.ts';

interface LogsFlags {
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
      process.exitCode = await runRawCommand(Boolean(flags.json), () => runLogs(root, flags));
    });
}

async function runLogs(root: string, flags: LogsFlags): Promise<number> {
  const range = asUsage(() => parseTimeRange(flags));
  const limit = asUsage(() => positiveInteger(flags.limit, '--limit'));
  const intervalMs = asUsage(() => parseDuration(flags.interval) * 1000);
  const maxPolls = flags.maxPolls
    ? asUsage(() => positiveInteger(flags.maxPolls!, '--max-polls'))
    : undefined;
  const query =
    flags.logql ??
    asUsage(() =>
      buildLogQuery({
        services: flags.service,
        env: flags.envLabel,
        level: flags.level,
        text: flags.text,
      }),
    );
  const endpoint = await resolveEndpoint(root, 'loki', {
    env: flags.env,
    url: flags.lokiUrl,
    timeoutSeconds: Number(flags.timeout),
  });
  debug(`logql: ${query}`);

  const print = (entries: LogEntry[]) => {
    for (const entry of entries) {
      out(flags.json ? JSON.stringify(logEntryJson(entry)) : renderLogEntry(entry));
    }
  };
  print(await searchLogs(endpoint, query, range, limit));
  if (!flags.follow) return ExitCode.ok;

  const stopped = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await followLogs(endpoint, query, {
    fromNs: toNs(range.end),
    intervalMs,
    limit,
    maxPolls,
    onEntries: print,
    stopped,
  });
  return ExitCode.ok;
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${flag} \`${value}\` must be a positive integer`);
  return n;
}
