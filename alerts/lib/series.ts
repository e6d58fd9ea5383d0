/**
 * Input series for promtool unit tests, spelled as the services and exporters emit them (the
 * metric names of `src/conventions`, the target labels the scrape config adds), so a test feeds
 * rules what production feeds them.
 */
import { metricNames as m } from '../../src/conventions/metrics.ts';
import { seriesText, type UnitCaseBuilder } from '../../src/builders/index.ts';

/** The environment label test series carry. */
export const testEnv = 'production';

/** Labels Prometheus adds to a service's series when it scrapes one instance. */
export function targetLabels(service: string, instance = `${service}-1:9100`) {
  return { service, env: testEnv, instance, job: service };
}

/** The labels a per-service aggregate (`by (service, env)`) keeps. */
export function serviceLabels(service: string) {
  return { service, env: testEnv };
}

/** A counter growing by `perMinute` every minute for `minutes` minutes. */
export function counter(perMinute: number, minutes: number): string {
  return `0+${perMinute}x${minutes}`;
}

/** A constant value for `minutes` minutes. */
export function flat(value: number, minutes: number): string {
  return `${value}x${minutes}`;
}

/** HTTP traffic of one instance: `ok` good and `errors` 5xx requests per minute. */
export function httpTraffic(
  c: UnitCaseBuilder,
  service: string,
  perMinute: { ok: number; errors: number },
  minutes: number,
): UnitCaseBuilder {
  const base = { ...targetLabels(service), route: '/x', method: 'GET' };
  c.series(
    seriesText(m.httpRequests, { ...base, status_class: '2xx' }),
    counter(perMinute.ok, minutes),
  );
  if (perMinute.errors > 0) {
    c.series(
      seriesText(m.httpRequests, { ...base, status_class: '5xx' }),
      counter(perMinute.errors, minutes),
    );
  }
  return c;
}

/**
 * A request duration histogram of one instance: `perMinute` requests, of which the share
 * `fastShare[le]` took at most `le` seconds (cumulative, as Prometheus buckets are).
 */
export function latencyHistogram(
  c: UnitCaseBuilder,
  service: string,
  perMinute: number,
  fastShare: Record<string, number>,
  minutes: number,
  histogram: string = m.httpDuration,
): UnitCaseBuilder {
  const base = { ...targetLabels(service), route: '/x', method: 'GET', status_class: '2xx' };
  for (const [le, share] of Object.entries({ ...fastShare, '+Inf': 1 })) {
    c.series(
      seriesText(`${histogram}_bucket`, { ...base, le }),
      counter(perMinute * share, minutes),
    );
  }
  c.series(seriesText(`${histogram}_count`, base), counter(perMinute, minutes));
  return c;
}

/** Kafka consumer traffic of one instance: handled and failed events per minute. */
export function consumerTraffic(
  c: UnitCaseBuilder,
  service: string,
  perMinute: { handled: number; failed: number },
  minutes: number,
): UnitCaseBuilder {
  const base = { ...targetLabels(service), topic: 'pet.events', group: `${service}-group` };
  c.series(seriesText(m.consumed, base), counter(perMinute.handled + perMinute.failed, minutes));
  c.series(seriesText(m.consumeFailures, base), counter(perMinute.failed, minutes));
  return c;
}
