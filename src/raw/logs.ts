/**
 * `obs logs` as a library: search a range, or follow by polling `query_range` with a start
 * that moves past the newest entry seen. Loki's `/tail` websocket is not used, so follow works
 * through any HTTP proxy; the cost is up to one poll interval of delay.
 */
import type { Endpoint } from './http.ts';
import { lokiQueryRange, toNs, type LogEntry } from './loki.ts';
import type { TimeRange } from './time-range.ts';

/** The newest `limit` entries of the range, oldest first. */
export async function searchLogs(
  endpoint: Endpoint,
  query: string,
  range: TimeRange,
  limit: number,
): Promise<LogEntry[]> {
  const result = await lokiQueryRange(endpoint, {
    query,
    startNs: toNs(range.start),
    endNs: toNs(range.end),
    limit,
    direction: 'backward',
  });
  return result.entries;
}

/** How `--follow` polls. */
export interface FollowOptions {
  /** Where the first poll starts (ns); usually the end of the initial search. */
  fromNs: bigint;
  intervalMs: number;
  /** Entries per poll; a busier stream is caught up over the next polls. */
  limit: number;
  /** Stop after this many polls (tests); unlimited when undefined. */
  maxPolls?: number;
  /** Called with each new batch, oldest first. */
  onEntries(entries: LogEntry[]): void;
  /** Stop when this resolves (Ctrl-C). */
  stopped?: Promise<void>;
  now?: () => number;
}

/** Poll for entries newer than those already shown, until stopped; a failed poll throws. */
export async function followLogs(
  endpoint: Endpoint,
  query: string,
  options: FollowOptions,
): Promise<void> {
  let start = options.fromNs;
  // Entries at exactly `start` were shown already; they are skipped by timestamp and line.
  let seenAtStart = new Set<string>();
  let stop = false;
  void options.stopped?.then(() => (stop = true));
  const now = options.now ?? (() => Date.now() / 1000);

  for (let poll = 0; !stop && (options.maxPolls === undefined || poll < options.maxPolls); poll++) {
    const end = toNs(now()) + 1n;
    if (end > start) {
      const { entries } = await lokiQueryRange(endpoint, {
        query,
        startNs: start,
        endNs: end,
        limit: options.limit,
        direction: 'forward',
      });
      const fresh = entries.filter((e) => !(e.ns === start && seenAtStart.has(key(e))));
      if (fresh.length) {
        options.onEntries(fresh);
        const newest = fresh[fresh.length - 1]!.ns;
        const atNewest = entries.filter((e) => e.ns === newest).map(key);
        seenAtStart = new Set(newest === start ? [...seenAtStart, ...atNewest] : atNewest);
        start = newest;
      }
    }
    if (options.maxPolls !== undefined && poll + 1 >= options.maxPolls) break;
    await Promise.race([sleep(options.intervalMs), options.stopped]);
  }
}

function key(entry: LogEntry): string {
  return `${entry.ns} ${JSON.stringify(entry.labels)} ${entry.line}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
