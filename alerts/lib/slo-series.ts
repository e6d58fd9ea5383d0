/**
 * Test inputs for SLOs: traffic of a service whose SLI has a chosen share of bad events, and
 * the bad shares that make each burn-rate alert fire and no faster one.
 */
import type { Service, Slo } from '../../src/model/catalog.ts';
import { metricNames as m } from '../../src/conventions/metrics.ts';
import { seriesText, type UnitCaseBuilder } from '../../src/builders/index.ts';
import { consumerTraffic, counter, httpTraffic, latencyHistogram, targetLabels } from './series.ts';

/** Events per minute of SLO test traffic. */
const perMinute = 64;

/** Traffic of `service` for `minutes` in which the share `bad` of events counts against `slo`. */
export function sloTraffic(
  c: UnitCaseBuilder,
  service: Service,
  slo: Slo,
  bad: number,
  minutes: number,
): UnitCaseBuilder {
  if (slo.kind === 'latency') {
    const fast = { [String(slo.thresholdSeconds)]: 1 - bad };
    const histogram = service.kind === 'http-api' ? m.httpDuration : m.processingDuration;
    return latencyHistogram(c, service.name, perMinute, fast, minutes, histogram);
  }
  const badPerMinute = perMinute * bad;
  switch (service.kind) {
    case 'http-api':
      return httpTraffic(
        c,
        service.name,
        { ok: perMinute - badPerMinute, errors: badPerMinute },
        minutes,
      );
    case 'kafka-consumer':
      return consumerTraffic(
        c,
        service.name,
        { handled: perMinute - badPerMinute, failed: badPerMinute },
        minutes,
      );
    case 'worker': {
      const base = { ...targetLabels(service.name), task: 'tick' };
      c.series(
        seriesText(m.jobRuns, { ...base, outcome: 'success' }),
        counter(perMinute - badPerMinute, minutes),
      );
      return c.series(
        seriesText(m.jobRuns, { ...base, outcome: 'failure' }),
        counter(badPerMinute, minutes),
      );
    }
  }
}

/**
 * The smallest power of two above `factor` × the error budget and below `ceiling` × it: a bad
 * share that burns faster than `factor` but slower than `ceiling` (powers of two keep the
 * recorded ratios exact). Throws naming the SLO when there is none, e.g. an objective so low
 * that a 14.4× burn exceeds 100% errors.
 */
export function badShareBetween(slo: Slo, factor: number, ceiling: number): number {
  const budget = 1 - slo.objective;
  for (let exponent = -20; exponent <= 0; exponent++) {
    const share = 2 ** exponent;
    if (share > factor * budget && share < ceiling * budget) return share;
  }
  throw new Error(
    `SLO ${slo.kind} ${slo.objective}: no bad share burns between ${factor}× and ${ceiling}× its budget`,
  );
}

/** `round(expr, 0.001)` and the value Prometheus computes for it, for float-safe comparisons. */
export const precision = 0.001;
export function rounded(expr: string): string {
  return `round(${expr}, ${precision})`;
}
export function roundedValue(value: number): number {
  const inverse = 1 / precision;
  return Math.floor(value * inverse + 0.5) / inverse;
}
