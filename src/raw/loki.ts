/**
 * Loki's query API (`/loki/api/v1/query_range`, `/loki/api/v1/query`): log streams become
 * entries sorted by time; metric queries (`rate(...)`, `count_over_time(...)`) become `Series`.
 */
import { requestJson, type Endpoint } from './http.ts';
import { unwrap, type Envelope } from './prometheus.ts';
import { sampleValue, seriesName, sortSeries, type Labels, type Series } from './series.ts';

/** One log line with its stream labels; `ns` is the nanosecond timestamp as Loki sent it. */
export interface LogEntry {
  ns: bigint;
  line: string;
  labels: Labels;
}

type LokiData =
  | { resultType: 'streams'; result: { stream: Labels; values: [string, string][] }[] }
  | { resultType: 'matrix'; result: { metric: Labels; values: [number, string][] }[] }
  | { resultType: 'vector'; result: { metric: Labels; value: [number, string] }[] };

/** The parameters of `/loki/api/v1/query_range`. */
export interface LokiRangeRequest {
  query: string;
  /** Nanoseconds since the epoch, inclusive. */
  startNs: bigint;
  /** Nanoseconds since the epoch, exclusive. */
  endNs: bigint;
  limit: number;
  direction: 'forward' | 'backward';
  /** Seconds between points of a metric query. */
  step?: number;
}

/** Log entries (oldest first) or metric series, whichever the query returns. */
export interface LokiResult {
  entries: LogEntry[];
  series: Series[];
}

/** Run a LogQL query over a range. */
export async function lokiQueryRange(
  endpoint: Endpoint,
  request: LokiRangeRequest,
  refId = 'logql',
): Promise<LokiResult> {
  const body = await requestJson<Envelope<LokiData>>(endpoint, {
    what: 'Loki range query',
    path: '/loki/api/v1/query_range',
    params: {
      query: request.query,
      start: String(request.startNs),
      end: String(request.endNs),
      limit: String(request.limit),
      direction: request.direction,
      step: request.step === undefined ? undefined : String(request.step),
    },
  });
  return toResult(unwrap(endpoint, '/loki/api/v1/query_range', body), refId);
}

/** Run a LogQL metric query at one instant (unix seconds). */
export async function lokiQueryInstant(
  endpoint: Endpoint,
  query: string,
  time: number,
  refId = 'logql',
): Promise<LokiResult> {
  const body = await requestJson<Envelope<LokiData>>(endpoint, {
    what: 'Loki query',
    path: '/loki/api/v1/query',
    params: { query, time: String(BigInt(Math.round(time * 1000)) * 1_000_000n), limit: '100' },
  });
  return toResult(unwrap(endpoint, '/loki/api/v1/query', body), refId);
}

function toResult(data: LokiData, refId: string): LokiResult {
  if (data.resultType === 'streams') {
    const entries = data.result.flatMap((stream) =>
      stream.values.map(([ns, line]) => ({ ns: BigInt(ns), line, labels: stream.stream })),
    );
    entries.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
    return { entries, series: [] };
  }
  const series: Series[] = data.result.map((item) => ({
    query: refId,
    name: seriesName(item.metric),
    labels: item.metric,
    points:
      'values' in item
        ? item.values.map(([t, v]) => [Number(t), sampleValue(v)] as [number, number])
        : [[Number(item.value[0]), sampleValue(item.value[1])]],
  }));
  return { entries: [], series: sortSeries(series) };
}

/** Unix seconds as Loki nanoseconds. */
export function toNs(unixSeconds: number): bigint {
  return BigInt(Math.round(unixSeconds * 1000)) * 1_000_000n;
}
