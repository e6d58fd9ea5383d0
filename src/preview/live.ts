/**
 * Live data for the preview: each Prometheus query of each panel run over one range at
 * generation time, with the panel's variables filled in as `obs query` does. A query the server
 * refuses is shown on its panel; a server that cannot be reached stops the generation (exit 4).
 */
import type { DashboardInfo } from '../raw/dashboards.ts';
import type { Endpoint } from '../raw/http.ts';
import { rangeQuery } from '../raw/prometheus.ts';
import { RemoteError } from '../raw/remote-error.ts';
import type { Series } from '../raw/series.ts';
import type { TimeRange } from '../raw/time-range.ts';
import { interpolate } from '../raw/variables.ts';

/** What the preview knows of a panel's live data. */
export interface PanelData {
  series: Series[];
  /** Why some or all queries were not drawn. */
  problems: string[];
}

/** Where live data comes from and over which range. */
export interface LiveOptions {
  endpoint: Endpoint;
  range: TimeRange;
  scrapeInterval: number;
  values: Record<string, string>;
}

/** Data keyed by `uid/panelId`. */
export type LiveData = Map<string, PanelData>;

/** The key of a panel in `LiveData`. */
export function panelKey(uid: string, panelId: number): string {
  return `${uid}/${panelId}`;
}

/** Run every Prometheus query of every dashboard, one at a time (kind to the server). */
export async function fetchLiveData(
  dashboards: DashboardInfo[],
  options: LiveOptions,
): Promise<LiveData> {
  const data: LiveData = new Map();
  for (const dashboard of dashboards) {
    for (const panel of dashboard.panels) {
      const targets = panel.targets.filter((t) => t.datasource === 'prometheus');
      if (!targets.length) continue;
      const entry: PanelData = { series: [], problems: [] };
      data.set(panelKey(dashboard.uid, panel.id), entry);

      for (const target of targets) {
        const filled = interpolate(target.expr, { ...options, variables: dashboard.variables });
        if (filled.missing.length) {
          const names = filled.missing.map((n) => `$${n}`).join(', ');
          entry.problems.push(`${target.refId}: ${names} has no value (give --var)`);
          continue;
        }
        try {
          const query = {
            refId: target.refId,
            expr: filled.expr,
            legendFormat: target.legendFormat,
          };
          const result = await rangeQuery(options.endpoint, query, options.range);
          entry.series.push(...result.series);
        } catch (error) {
          if (!(error instanceof RemoteError)) throw error;
          const { failure } = error.details;
          if (failure === 'refused' || failure === 'unreachable' || failure === 'timeout')
            throw error;
          entry.problems.push(
            `${target.refId}: ${error.details.message} ${error.details.bodyExcerpt ?? ''}`.trim(),
          );
        }
      }
    }
  }
  return data;
}
