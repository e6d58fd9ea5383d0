/**
 * The Prometheus HTTP API (also Mimir's, behind its prefix): instant and range queries, and the
 * alerts its rules fire. Results become `Series`; API errors become `RemoteError`s that quote
 * Prometheus' own message.
 */
import { requestJson, type Endpoint } from './http.ts';
import { RemoteError } from './remote-error.ts';
import { sampleValue, seriesName, sortSeries, type Labels, type Series } from './series.ts';
import type { TimeRange } from './time-range.ts';

/** The JSON envelope of the Prometheus and Loki APIs. */
export interface Envelope<T> {
  status: 'success' | 'error';
  data?: T;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

type ResultData =
  | { resultType: 'matrix'; result: { metric: Labels; values: [number, string][] }[] }
  | { resultType: 'vector'; result: { metric: Labels; value: [number, string] }[] }
  | { resultType: 'scalar' | 'string'; result: [number, string] };

/** A query and how to name its series. */
export interface PromQuery {
  /** `A`, `B` … for a panel's targets; `promql` for an ad-hoc query. */
  refId: string;
  expr: string;
  legendFormat?: string;
}

/** A query's series and the server's warnings. */
export interface PromResult {
  series: Series[];
  warnings: string[];
}

/** Evaluate `query` at `time` (unix seconds). */
export async function instantQuery(
  endpoint: Endpoint,
  query: PromQuery,
  time: number,
): Promise<PromResult> {
  const body = await requestJson<Envelope<ResultData>>(endpoint, {
    what: `Prometheus query ${query.refId}`,
    path: '/api/v1/query',
    params: { query: query.expr, time: String(time) },
    post: true,
  });
  const series = toSeries(endpoint, query, unwrap(endpoint, '/api/v1/query', body));
  return { series, warnings: body.warnings ?? [] };
}

/** Evaluate `query` over `range`. */
export async function rangeQuery(
  endpoint: Endpoint,
  query: PromQuery,
  range: TimeRange,
): Promise<PromResult> {
  const body = await requestJson<Envelope<ResultData>>(endpoint, {
    what: `Prometheus range query ${query.refId}`,
    path: '/api/v1/query_range',
    params: {
      query: query.expr,
      start: String(range.start),
      end: String(range.end),
      step: String(range.step),
    },
    post: true,
  });
  const series = toSeries(endpoint, query, unwrap(endpoint, '/api/v1/query_range', body));
  return { series, warnings: body.warnings ?? [] };
}

/** One alert as `/api/v1/alerts` lists it. */
export interface PrometheusAlert {
  labels: Labels;
  annotations: Labels;
  state: 'pending' | 'firing' | 'inactive';
  activeAt?: string;
  value?: string;
}

/** The pending and firing alerts of Prometheus' rules. */
export async function prometheusAlerts(endpoint: Endpoint): Promise<PrometheusAlert[]> {
  const body = await requestJson<Envelope<{ alerts: PrometheusAlert[] }>>(endpoint, {
    what: 'Prometheus alerts',
    path: '/api/v1/alerts',
  });
  return unwrap(endpoint, '/api/v1/alerts', body).alerts ?? [];
}

/** The data of a success envelope; an error envelope (even with HTTP 200) throws. */
export function unwrap<T>(endpoint: Endpoint, path: string, body: Envelope<T>): T {
  if (body?.status === 'success' && body.data !== undefined) return body.data;
  throw new RemoteError({
    what: 'Prometheus API',
    url: endpoint.url + path,
    failure: 'api-error',
    message: `${body?.errorType ?? 'unknown'}: ${body?.error ?? 'no data in the answer'}`,
    hint: 'the server refused the query: fix the expression, or check the variables filled in',
  });
}

function toSeries(endpoint: Endpoint, query: PromQuery, data: ResultData): Series[] {
  const name = (labels: Labels) => seriesName(labels, query.legendFormat);
  const series: Series[] = [];
  if (data.resultType === 'matrix') {
    for (const item of data.result) {
      const points = item.values.map(([t, v]) => [t, sampleValue(v)] as [number, number]);
      series.push({ query: query.refId, name: name(item.metric), labels: item.metric, points });
    }
  } else if (data.resultType === 'vector') {
    for (const item of data.result) {
      const point: [number, number] = [item.value[0], sampleValue(item.value[1])];
      series.push({
        query: query.refId,
        name: name(item.metric),
        labels: item.metric,
        points: [point],
      });
    }
  } else if (data.resultType === 'scalar') {
    const [t, v] = data.result;
    series.push({ query: query.refId, name: 'scalar', labels: {}, points: [[t, sampleValue(v)]] });
  } else {
    throw new RemoteError({
      what: `Prometheus query ${query.refId}`,
      url: endpoint.url,
      failure: 'bad-response',
      message: `unexpected result type \`${(data as { resultType: string }).resultType}\``,
      hint: 'expected a vector, matrix or scalar',
    });
  }
  return sortSeries(series);
}
