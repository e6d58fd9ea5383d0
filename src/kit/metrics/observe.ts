/**
 * Recording a latency with the current trace as its exemplar, so a slow bucket in Grafana links
 * to the very trace that landed there.
 */
import type client from 'prom-client';
import { currentTraceIds } from '../tracing/ids.ts';

/** Observe `seconds` in `histogram`; the active span's ids become the exemplar when sampled. */
export function observeWithExemplar(
  histogram: client.Histogram,
  labels: client.LabelValues<string>,
  seconds: number,
): void {
  const ids = currentTraceIds();
  const exemplarLabels = ids?.sampled ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
  histogram.observe({ labels, value: seconds, exemplarLabels });
}

/** Seconds elapsed since `started` (a `performance.now()` value). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
