/**
 * The kit's Prometheus registry, built from the metric catalog (`src/conventions/metrics.ts`):
 * every kit metric there is registered with its name, help, labels and buckets, and nothing
 * else. Runtime metrics (`process_*`, `nodejs_*`) come from prom-client's default collectors,
 * which the catalog lists one by one.
 */
import client from 'prom-client';
import { kitMetrics, metricNames } from '../../conventions/metrics.ts';
import type { MetricSpec } from '../../conventions/metric-types.ts';

/** Catalog names that prom-client's default collectors emit rather than the kit's own code. */
export function isRuntimeMetric(spec: Pick<MetricSpec, 'name'>): boolean {
  return spec.name.startsWith('process_') || spec.name.startsWith('nodejs_');
}

/**
 * Default metrics the kit drops: by-type series that exist only while a libuv request is in
 * flight, so a panel on them would be empty most of the time (the `_total` gauge stays).
 */
export const droppedDefaultMetrics = ['nodejs_active_requests'];

type AnyMetric = client.Counter | client.Gauge | client.Histogram;

/** The registry of one service, and its catalog metrics by name. */
export interface KitRegistry {
  registry: client.Registry<client.OpenMetricsContentType>;
  counter(name: string): client.Counter;
  gauge(name: string): client.Gauge;
  histogram(name: string): client.Histogram;
}

export interface RegistryOptions {
  version: string;
  commit: string;
}

/**
 * A fresh registry holding exactly the catalog's kit metrics, exposed as OpenMetrics so
 * histogram exemplars (trace ids) reach Prometheus. No `service` label is set here: the scrape
 * config adds it, with `team`, `env`, `instance` and `job`.
 */
export function createKitRegistry(options: RegistryOptions): KitRegistry {
  const registry = new client.Registry<client.OpenMetricsContentType>();
  registry.setContentType(client.Registry.OPENMETRICS_CONTENT_TYPE);
  client.collectDefaultMetrics({ register: registry });
  for (const name of droppedDefaultMetrics) registry.removeSingleMetric(name);

  const made = new Map<string, AnyMetric>();
  for (const spec of kitMetrics.filter((m) => !isRuntimeMetric(m))) {
    made.set(spec.name, makeMetric(spec, registry));
  }
  (made.get(metricNames.buildInfo) as client.Gauge).set({ ...options }, 1);

  const pick = <T extends AnyMetric>(name: string, type: MetricSpec['type']): T => {
    const metric = made.get(name);
    const spec = kitMetrics.find((m) => m.name === name);
    if (!metric || spec?.type !== type) {
      throw new Error(`metric \`${name}\` is not a kit ${type} of src/conventions/metrics.ts`);
    }
    return metric as T;
  };
  return {
    registry,
    counter: (name) => pick<client.Counter>(name, 'counter'),
    gauge: (name) => pick<client.Gauge>(name, 'gauge'),
    histogram: (name) => pick<client.Histogram>(name, 'histogram'),
  };
}

function makeMetric(
  spec: MetricSpec,
  registry: client.Registry<client.OpenMetricsContentType>,
): AnyMetric {
  const common = {
    name: spec.name,
    help: spec.help,
    labelNames: spec.labels,
    registers: [registry],
  };
  switch (spec.type) {
    case 'counter':
      return new client.Counter(common);
    case 'gauge':
      return new client.Gauge(common);
    case 'histogram':
      return new client.Histogram({ ...common, buckets: spec.buckets, enableExemplars: true });
    case 'summary':
      throw new Error(`metric \`${spec.name}\`: the kit has no summaries; use a histogram`);
  }
}
