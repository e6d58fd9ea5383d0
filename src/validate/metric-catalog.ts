/**
 * Every series name the platform can query and what kind of value it is: the instrumentation
 * kit's metrics, the declared exporters', and the recording rules of the build. Histograms and
 * summaries expand to their `_bucket`, `_sum` and `_count` series, which are counters.
 */
import type { Resource } from '../model/resource.ts';
import type { RuleGroupBody } from '../builders/rules.ts';
import { exporterMetrics } from '../conventions/exporters.ts';
import { seriesNames, type MetricSpec } from '../conventions/metric-types.ts';
import { kitMetrics } from '../conventions/metrics.ts';

/** What a series holds: a counter can be rated, the rest cannot. */
export type SeriesKind = 'counter' | 'gauge' | 'recorded';

export interface SeriesInfo {
  kind: SeriesKind;
  /** Who emits it: `kit`, an exporter, or `recording rule`. */
  origin: string;
}

const emitted = new Map<string, SeriesInfo>();
for (const metric of [...kitMetrics, ...exporterMetrics]) {
  for (const name of seriesNames(metric))
    emitted.set(name, { kind: kindOf(metric, name), origin: metric.origin });
}

function kindOf(metric: MetricSpec, series: string): SeriesKind {
  if (metric.type === 'counter') return 'counter';
  if (metric.type === 'histogram') return 'counter';
  if (metric.type === 'summary' && series !== metric.name) return 'counter';
  return 'gauge';
}

const catalogs = new WeakMap<Resource[], Map<string, SeriesInfo>>();

/** The series of the kit and exporters plus the recording rules of `resources`. */
export function seriesCatalog(resources: Resource[]): Map<string, SeriesInfo> {
  const cached = catalogs.get(resources);
  if (cached) return cached;
  const catalog = new Map(emitted);
  catalogs.set(resources, catalog);
  for (const name of recordedNames(resources)) {
    if (!catalog.has(name)) catalog.set(name, { kind: 'recorded', origin: 'recording rule' });
  }
  return catalog;
}

/** Names recorded by Prometheus and Loki recording rules of the build. */
export function recordedNames(resources: Resource[]): Set<string> {
  const names = new Set<string>();
  for (const resource of resources) {
    if (resource.kind !== 'prometheus-rule-group' && resource.kind !== 'loki-rule-group') continue;
    for (const rule of (resource.body as RuleGroupBody).rules ?? []) {
      if (rule.record) names.add(rule.record);
    }
  }
  return names;
}
