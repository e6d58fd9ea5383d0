/** The shape of a metric catalog entry: what a series is called, its type and its labels. */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

/** Who emits a metric: our instrumentation kit, an exporter, or Prometheus itself. */
export type MetricOrigin =
  | 'kit'
  | 'node_exporter'
  | 'kafka_exporter'
  | 'kafka_jmx'
  | 'prometheus'
  | 'alertmanager'
  | 'loki'
  | 'agent';

export interface MetricSpec {
  /** The base name (histograms: without `_bucket`, `_sum`, `_count`). */
  name: string;
  type: MetricType;
  help: string;
  /** Labels the emitter sets, not counting target labels added by scraping. */
  labels: string[];
  origin: MetricOrigin;
  /** Histogram bucket boundaries in the metric's unit. */
  buckets?: number[];
}

/** Every series name a metric produces on the wire (histograms expand to three). */
export function seriesNames(metric: MetricSpec): string[] {
  if (metric.type === 'histogram') {
    return [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`];
  }
  if (metric.type === 'summary') return [metric.name, `${metric.name}_sum`, `${metric.name}_count`];
  return [metric.name];
}
