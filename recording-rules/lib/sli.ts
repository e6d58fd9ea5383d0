/**
 * Service level indicators from the catalog's SLOs: for each SLO, the share of bad events over
 * a window, from the metrics of the service's kind. Used by the SLO recording rules and their
 * unit tests.
 */
import type { Service, Slo } from '../../src/model/catalog.ts';
import { metricNames as m } from '../../src/conventions/metrics.ts';
import { rate, selector, sumBy, type Matchers } from '../../src/builders/index.ts';

/** Windows the SLI is recorded over: the short and long windows of every burn-rate alert. */
export const sloWindows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export type SloWindow = (typeof sloWindows)[number];

/** The `slo` label of an SLO: its kind (a service has at most one SLO of each kind). */
export function sloName(slo: Slo): string {
  return slo.kind;
}

/** The events an availability SLI counts, by service kind: [bad, all]. */
function availabilityEvents(service: Service): [string, Matchers, string, Matchers] {
  const own = { service: service.name };
  switch (service.kind) {
    case 'http-api':
      return [m.httpRequests, { ...own, status_class: '5xx' }, m.httpRequests, own];
    case 'kafka-consumer':
      return [m.consumeFailures, own, m.consumed, own];
    case 'worker':
      return [m.jobRuns, { ...own, outcome: 'failure' }, m.jobRuns, own];
  }
}

/** `(bad or 0 * all) / (all > 0)`, by env. */
function badShare(bad: string, all: string, window: string): string {
  const badRate = sumBy(['env'], rate(bad, window));
  const allRate = sumBy(['env'], rate(all, window));
  return `(\n  ${badRate}\n  or\n  0 * ${allRate}\n)\n/\n(${allRate} > 0)`;
}

/**
 * The SLI error ratio of `slo` over `window`. Latency SLOs count requests slower than the
 * threshold: 1 − (requests in the threshold's bucket) / (all requests). Throws naming the
 * service when its kind has no latency histogram.
 */
export function sliErrorRatio(service: Service, slo: Slo, window: string): string {
  if (slo.kind === 'availability') {
    const [badMetric, badMatchers, allMetric, allMatchers] = availabilityEvents(service);
    return badShare(selector(badMetric, badMatchers), selector(allMetric, allMatchers), window);
  }
  const histogram =
    service.kind === 'http-api'
      ? m.httpDuration
      : service.kind === 'kafka-consumer'
        ? m.processingDuration
        : undefined;
  if (!histogram) {
    throw new Error(`service \`${service.name}\`: a ${service.kind} has no latency SLI`);
  }
  const own = { service: service.name };
  const fast = sumBy(
    ['env'],
    rate(selector(`${histogram}_bucket`, { ...own, le: String(slo.thresholdSeconds) }), window),
  );
  const all = sumBy(['env'], rate(selector(`${histogram}_count`, own), window));
  return `1 - (\n  ${fast}\n  /\n  (${all} > 0)\n)`;
}
