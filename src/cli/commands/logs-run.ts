/** What `obs logs` does once its options are parsed; loaded only when it runs. */
import { resolveEndpoint } from '../../raw/endpoints.ts';
import { asUsage } from '../../raw/failure.ts';
import { logEntryJson, renderLogEntry } from '../../raw/format/log-lines.ts';
import { toNs, type LogEntry } from '../../raw/loki.ts';
import { buildLogQuery } from '../../raw/logql.ts';
import { followLogs, searchLogs } from '../../raw/logs.ts';
import { parseDuration, parseTimeRange } from '../../raw/time-range.ts';
import { ExitCode } from '../exit-codes.ts';
import { debug, out } from '../output.ts';
import type { LogsFlags } from './logs.ts';

export async function runLogs(root: string, flags: LogsFlags): Promise<number> {
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
