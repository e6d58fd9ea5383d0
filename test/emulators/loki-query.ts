/**
 * A test double of Loki's query API (an emulator, not Loki): `GET|POST /loki/api/v1/query_range`
 * and `/loki/api/v1/query`, answering in Loki's documented shapes — log queries return
 * `resultType: "streams"` with `values: [["<unix ns>", "<line>"], …]`.
 *
 * LogQL understood: a stream selector with `=`, `!=`, `=~`, `!~` matchers and line filters
 * `|=`, `!=`, `|~`, `!~`; and the metric queries `count_over_time(<that>[d])` and
 * `rate(<that>[d])`, optionally inside `sum(…)` or `sum by (labels) (…)`, which answer
 * `resultType: "matrix"` (range) or `"vector"` (instant) with `[<unix seconds>, "<value>"]`.
 * Anything else (parsers, other functions) gets Loki's 400 parse error shape, so a test never
 * passes on a query the emulator only pretended to run.
 * Semantics kept from Loki: `start` inclusive, `end` exclusive; `limit` (default 100, at most
 * 5000) counts entries across all streams; `direction` backward (default) returns the newest;
 * an instant query of a log selector is refused with 400. `/tail` (websocket) is not emulated.
 */
import http from 'node:http';
import type net from 'node:net';

type Labels = Record<string, string>;

interface Stream {
  labels: Labels;
  entries: { ns: bigint; line: string }[];
}

/** A request the emulator answered, for assertions. */
export interface LokiRequest {
  path: string;
  params: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

/** A running emulator: its URL, the requests it answered, and a way to add log lines. */
export interface LokiQueryEmulator {
  url: string;
  requests: LokiRequest[];
  /** Add lines to the stream with exactly these labels (ns timestamps or Dates). */
  push(labels: Labels, entries: [bigint | Date, string][]): void;
  stop(): Promise<void>;
}

interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

interface LineFilter {
  op: '|=' | '!=' | '|~' | '!~';
  value: string;
}

/** Parse the supported LogQL; throws with Loki's wording on anything else. */
export function parseLogQuery(query: string): { matchers: Matcher[]; filters: LineFilter[] } {
  let rest = query.trim();
  const fail = (why: string): never => {
    throw new Error(`parse error : ${why} (query: ${query})`);
  };
  if (!rest.startsWith('{')) fail('queries must start with a stream selector `{`');
  const close = rest.indexOf('}');
  if (close === -1) fail('unclosed stream selector');
  const body = rest.slice(1, close);
  rest = rest.slice(close + 1).trim();

  const matchers: Matcher[] = [];
  const matcherRe =
    /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(,|$)/y;
  let at = 0;
  while (at < body.length) {
    matcherRe.lastIndex = at;
    const m = matcherRe.exec(body);
    if (!m) fail(`syntax error in stream selector at \`${body.slice(at)}\``);
    matchers.push({ name: m![1]!, op: m![2] as Matcher['op'], value: literal(m![3]!) });
    at = matcherRe.lastIndex;
  }
  if (!matchers.length) fail('stream selector must have at least one matcher');
  if (matchers.every((m) => matchesEmpty(m))) {
    fail(
      'queries require at least one regexp or equality matcher that does not have an empty-compatible value',
    );
  }

  const filters: LineFilter[] = [];
  const filterRe = /(\|=|!=|\|~|!~)\s*("(?:[^"\\]|\\.)*"|`[^`]*`)\s*/y;
  at = 0;
  while (at < rest.length) {
    filterRe.lastIndex = at;
    const m = filterRe.exec(rest);
    if (!m) fail(`not supported by the emulator: \`${rest.slice(at)}\``);
    filters.push({ op: m![1] as LineFilter['op'], value: literal(m![2]!) });
    at = filterRe.lastIndex;
  }
  return { matchers, filters };
}

function literal(token: string): string {
  return token.startsWith('`') ? token.slice(1, -1) : (JSON.parse(token) as string);
}

function matchesEmpty(m: Matcher): boolean {
  return test(m, '');
}

function test(m: Matcher, value: string): boolean {
  if (m.op === '=') return value === m.value;
  if (m.op === '!=') return value !== m.value;
  const full = new RegExp(`^(?:${m.value})$`).test(value);
  return m.op === '=~' ? full : !full;
}

function passes(filters: LineFilter[], line: string): boolean {
  return filters.every((f) => {
    if (f.op === '|=') return line.includes(f.value);
    if (f.op === '!=') return !line.includes(f.value);
    const found = new RegExp(f.value).test(line);
    return f.op === '|~' ? found : !found;
  });
}

/** Loki's timestamp forms: unix ns (integer), unix seconds (float or ≤ 10 digits), RFC3339. */
function parseTimestamp(text: string | undefined, fallback: bigint): bigint {
  if (text === undefined || text === '') return fallback;
  if (/^\d+$/.test(text)) return text.length <= 10 ? BigInt(text) * 1_000_000_000n : BigInt(text);
  if (/^\d+\.\d+$/.test(text)) return BigInt(Math.round(Number(text) * 1e6)) * 1000n;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`cannot parse "${text}" to a valid timestamp`);
  return BigInt(ms) * 1_000_000n;
}

/** Start the emulator on a free loopback port. */
export async function startLokiQueryEmulator(): Promise<LokiQueryEmulator> {
  const streams: Stream[] = [];
  const requests: LokiRequest[] = [];

  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://emulator');
      const params: Record<string, string> = Object.fromEntries(url.searchParams);
      if (request.method === 'POST')
        Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
      requests.push({ path: url.pathname, params, headers: request.headers });
      const send = (status: number, payload: unknown) => {
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        response.writeHead(status, {
          'content-type':
            typeof payload === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
        });
        response.end(text);
      };
      try {
        const metric = parseMetricQuery(params.query ?? '');
        if (url.pathname === '/loki/api/v1/query_range') {
          send(200, metric ? metricRange(streams, metric, params) : rangeQuery(streams, params));
        } else if (url.pathname === '/loki/api/v1/query') {
          if (metric) return send(200, metricInstant(streams, metric, params));
          parseLogQuery(params.query ?? '');
          send(
            400,
            'log queries are not supported as an instant query type, please change your query to a range query type',
          );
        } else if (url.pathname === '/ready') send(200, 'ready');
        else send(404, '404 page not found');
      } catch (error) {
        send(400, (error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    push(labels, entries) {
      const key = JSON.stringify(Object.entries(labels).sort());
      let stream = streams.find((s) => JSON.stringify(Object.entries(s.labels).sort()) === key);
      if (!stream) streams.push((stream = { labels: { ...labels }, entries: [] }));
      for (const [time, line] of entries) {
        const ns = typeof time === 'bigint' ? time : BigInt(time.getTime()) * 1_000_000n;
        stream.entries.push({ ns, line });
      }
      stream.entries.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function rangeQuery(streams: Stream[], params: Record<string, string>) {
  const { matchers, filters } = parseLogQuery(params.query ?? '');
  const now = BigInt(Date.now()) * 1_000_000n;
  const end = parseTimestamp(params.end, now);
  const start = parseTimestamp(params.start, end - 3_600_000_000_000n);
  if (end <= start) throw new Error('end timestamp must not be before or equal to start time');
  const limit = params.limit ? Number(params.limit) : 100;
  if (!Number.isInteger(limit) || limit <= 0) throw new Error('limit must be a positive value');
  if (limit > 5000)
    throw new Error(
      `max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > 5000)`,
    );
  const direction = (params.direction ?? 'backward').toLowerCase();
  if (direction !== 'backward' && direction !== 'forward')
    throw new Error(`invalid direction '${params.direction}'`);

  const hits: { stream: Stream; ns: bigint; line: string }[] = [];
  for (const stream of streams) {
    if (!matchers.every((m) => test(m, stream.labels[m.name] ?? ''))) continue;
    for (const entry of stream.entries) {
      if (entry.ns >= start && entry.ns < end && passes(filters, entry.line))
        hits.push({ stream, ...entry });
    }
  }
  const sign = direction === 'forward' ? 1 : -1;
  hits.sort((a, b) => (a.ns < b.ns ? -sign : a.ns > b.ns ? sign : 0));
  const kept = hits.slice(0, limit);

  const result: { stream: Labels; values: [string, string][] }[] = [];
  for (const stream of streams) {
    const values = kept
      .filter((h) => h.stream === stream)
      .map((h) => [String(h.ns), h.line] as [string, string]);
    if (values.length) result.push({ stream: stream.labels, values });
  }
  return {
    status: 'success',
    data: {
      resultType: 'streams',
      result,
      stats: { summary: { totalEntriesReturned: kept.length } },
    },
  };
}

interface MetricQuery {
  fn: 'count_over_time' | 'rate';
  matchers: Matcher[];
  filters: LineFilter[];
  rangeNs: bigint;
  /** undefined: no sum; []: sum of everything; names: sum by those labels. */
  sumBy?: string[];
}

const metricRe =
  /^\s*(sum\s*(?:by\s*\(([^)]*)\)\s*)?\(\s*)?(count_over_time|rate)\s*\(\s*([\s\S]*?)\s*\[(\d+)(s|m|h)\]\s*\)\s*(\))?\s*$/;

/** A supported metric query, or undefined when the query is not one. */
export function parseMetricQuery(query: string): MetricQuery | undefined {
  const m = metricRe.exec(query);
  if (!m) return undefined;
  if (Boolean(m[1]) !== Boolean(m[7]))
    throw new Error(`parse error : unbalanced parentheses (query: ${query})`);
  const { matchers, filters } = parseLogQuery(m[4]!);
  const unit = { s: 1n, m: 60n, h: 3600n }[m[6] as 's' | 'm' | 'h'];
  const sumBy = m[1]
    ? (m[2] ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean)
    : undefined;
  return {
    fn: m[3] as MetricQuery['fn'],
    matchers,
    filters,
    rangeNs: BigInt(m[5]!) * unit * 1_000_000_000n,
    sumBy,
  };
}

/** The value of each output series at time `t` (ns): counts in (t - range, t]. */
function evaluate(
  streams: Stream[],
  query: MetricQuery,
  t: bigint,
): Map<string, { labels: Labels; value: number }> {
  const out = new Map<string, { labels: Labels; value: number }>();
  for (const stream of streams) {
    if (!query.matchers.every((m) => test(m, stream.labels[m.name] ?? ''))) continue;
    const count = stream.entries.filter(
      (e) => e.ns > t - query.rangeNs && e.ns <= t && passes(query.filters, e.line),
    ).length;
    if (!count) continue;
    const value = query.fn === 'rate' ? count / Number(query.rangeNs / 1_000_000_000n) : count;
    const labels = query.sumBy
      ? Object.fromEntries(
          query.sumBy.filter((l) => l in stream.labels).map((l) => [l, stream.labels[l]!]),
        )
      : stream.labels;
    const key = JSON.stringify(Object.entries(labels).sort());
    const known = out.get(key);
    if (known) known.value += value;
    else out.set(key, { labels, value });
  }
  return out;
}

function metricRange(streams: Stream[], query: MetricQuery, params: Record<string, string>) {
  const now = BigInt(Date.now()) * 1_000_000n;
  const end = parseTimestamp(params.end, now);
  const start = parseTimestamp(params.start, end - 3_600_000_000_000n);
  if (end <= start) throw new Error('end timestamp must not be before or equal to start time');
  // Loki's default step gives about 250 points, at least one second.
  const stepSeconds = params.step
    ? Number(params.step)
    : Math.max(1, Number((end - start) / 250_000_000_000n));
  if (!(stepSeconds > 0))
    throw new Error('zero or negative query resolution step widths are not accepted');
  const step = BigInt(Math.round(stepSeconds * 1e9));

  const series = new Map<string, { metric: Labels; values: [number, string][] }>();
  for (let t = start; t <= end; t += step) {
    for (const [key, { labels, value }] of evaluate(streams, query, t)) {
      if (!series.has(key)) series.set(key, { metric: labels, values: [] });
      series.get(key)!.values.push([Number(t) / 1e9, String(value)]);
    }
  }
  return {
    status: 'success',
    data: { resultType: 'matrix', result: [...series.values()], stats: {} },
  };
}

function metricInstant(streams: Stream[], query: MetricQuery, params: Record<string, string>) {
  const t = parseTimestamp(params.time, BigInt(Date.now()) * 1_000_000n);
  const result = [...evaluate(streams, query, t).values()].map(({ labels, value }) => ({
    metric: labels,
    value: [Number(t) / 1e9, String(value)] as [number, string],
  }));
  return { status: 'success', data: { resultType: 'vector', result, stats: {} } };
}
