/**
 * `obs query` as a library: turn a panel (or an ad-hoc PromQL/LogQL expression) into concrete
 * queries with the variables filled in, run each against Prometheus or Loki, and collect the
 * results in one shape.
 */
import type { Endpoint } from './http.ts';
import { lokiQueryInstant, lokiQueryRange, toNs } from './loki.ts';
import { instantQuery, rangeQuery } from './prometheus.ts';
import { findPanel, readDashboards, type DashboardInfo, type PanelInfo } from './dashboards.ts';
import { UsageError } from './endpoints.ts';
import { asUsage } from './failure.ts';
import { seriesName, sortSeries, type QueryResult } from './series.ts';
import type { TimeRange } from './time-range.ts';
import { interpolate, type InterpolationContext } from './variables.ts';

/** One query ready to send. */
export interface PlannedQuery {
  refId: string;
  expr: string;
  backend: 'prometheus' | 'loki';
  legendFormat?: string;
}

/** The queries of a panel with variables filled in; `missing` lists variables with no value. */
export function planPanel(
  dashboard: DashboardInfo,
  panel: PanelInfo,
  context: Omit<InterpolationContext, 'variables'>,
): { queries: PlannedQuery[]; missing: string[]; skipped: string[] } {
  const queries: PlannedQuery[] = [];
  const missing = new Set<string>();
  const skipped: string[] = [];
  for (const target of panel.targets) {
    if (target.datasource !== 'prometheus' && target.datasource !== 'loki') {
      skipped.push(`${target.refId} (${target.datasource})`);
      continue;
    }
    const filled = interpolate(target.expr, { ...context, variables: dashboard.variables });
    filled.missing.forEach((name) => missing.add(name));
    queries.push({
      refId: target.refId,
      expr: filled.expr,
      backend: target.datasource,
      legendFormat: target.legendFormat,
    });
  }
  return { queries, missing: [...missing].sort(), skipped };
}

/** What to run: a panel (`dashboard` + `panel`) or one ad-hoc expression. */
export interface QuerySelection {
  dashboard?: string;
  panel?: string;
  promql?: string;
  logql?: string;
}

/** The queries to run and how to title their output. */
export interface SelectedQueries {
  /** `svc-pets / Latency`, or `promql` / `logql`. */
  title: string;
  unit?: string;
  queries: PlannedQuery[];
  /** Targets of other datasources, not run. */
  skipped: string[];
}

/**
 * The queries a selection names, variables filled in. Throws a `UsageError` for a selection
 * that is ambiguous or incomplete, an unknown dashboard or panel, or a variable with no value.
 */
export function selectQueries(
  selection: QuerySelection,
  where: { root: string; outDir: string },
  context: Omit<InterpolationContext, 'variables'>,
): SelectedQueries {
  const { dashboard, panel, promql, logql } = selection;
  if (promql || logql) {
    if (dashboard || (promql && logql)) {
      throw new UsageError('give one of: <dashboard> <panel>, --promql <expr>, --logql <expr>');
    }
    const title = promql ? 'promql' : 'logql';
    const backend = promql ? 'prometheus' : 'loki';
    return { title, queries: [{ refId: title, expr: (promql ?? logql)!, backend }], skipped: [] };
  }
  if (!dashboard || !panel) {
    throw new UsageError(
      'give <dashboard> <panel> (uid or title, panel title), or --promql/--logql',
    );
  }

  const found = asUsage(() =>
    findPanel(readDashboards(where.outDir, where.root), dashboard, panel),
  );
  const plan = planPanel(found.dashboard, found.panel, context);
  if (plan.missing.length) {
    const names = plan.missing.map((n) => `$${n}`).join(', ');
    const example = plan.missing.map((n) => `--var ${n}=…`).join(' ');
    throw new UsageError(
      `panel "${found.panel.title}" uses ${names} with no value; give ${example}`,
    );
  }
  if (!plan.queries.length) {
    throw new UsageError(`panel "${found.panel.title}" has no Prometheus or Loki query`);
  }
  return {
    title: `${found.dashboard.uid} / ${found.panel.title}`,
    unit: found.panel.unit,
    queries: plan.queries,
    skipped: plan.skipped,
  };
}

/** Where each backend is; only the ones the queries use need to be set. */
export interface QueryEndpoints {
  prometheus?: Endpoint;
  loki?: Endpoint;
}

/** Run every query, in order; the first failure throws its `RemoteError`. */
export async function runQueries(
  queries: PlannedQuery[],
  endpoints: QueryEndpoints,
  range: TimeRange,
  kind: 'instant' | 'range',
): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  for (const query of queries) {
    const endpoint = endpoints[query.backend];
    if (!endpoint) throw new Error(`no ${query.backend} endpoint for query ${query.refId}`);
    if (query.backend === 'prometheus') {
      const run =
        kind === 'range'
          ? rangeQuery(endpoint, query, range)
          : instantQuery(endpoint, query, range.end);
      const { series, warnings } = await run;
      results.push({ query: query.refId, expr: query.expr, kind, series, warnings });
    } else {
      const { series, entries } =
        kind === 'range'
          ? await lokiQueryRange(
              endpoint,
              {
                query: query.expr,
                startNs: toNs(range.start),
                endNs: toNs(range.end),
                limit: 1000,
                direction: 'backward',
                step: range.step,
              },
              query.refId,
            )
          : await lokiQueryInstant(endpoint, query.expr, range.end, query.refId);
      const warnings = entries.length
        ? [`${entries.length} log lines returned; use \`obs logs\` to read log queries`]
        : [];
      const named = series.map((one) => ({
        ...one,
        name: seriesName(one.labels, query.legendFormat),
      }));
      results.push({
        query: query.refId,
        expr: query.expr,
        kind,
        series: sortSeries(named),
        warnings,
      });
    }
  }
  return results;
}
