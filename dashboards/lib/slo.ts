/**
 * SLO attainment and error budget computed from the kit's raw counters and histograms over the
 * SLO's own window, so the panels do not depend on recording rules. (Limitation: a 30-day
 * `increase` over raw series is heavy for Prometheus; switch to the `slo:…` recording rules
 * once they exist.)
 */
import type { Service, ServiceKind, Slo } from '../../src/model/catalog.ts';
import { metricNames } from '../../src/conventions/metrics.ts';
import {
  increase,
  ne,
  re,
  selector,
  sumBy,
  type Matcher,
  type Matchers,
} from '../../src/builders/index.ts';
import { serviceMatchers } from './red.ts';

const n = metricNames;

interface Counts {
  bad: string;
  total: string;
}

const total = (metric: string, m: Matchers, window: string) =>
  sumBy([], increase(selector(metric, m), window));

/** Bad and total events of an availability SLO, by kind. */
function availabilityCounts(kind: ServiceKind, m: Matchers, window: string): Counts {
  if (kind === 'http-api') {
    return {
      bad: total(n.httpRequests, { ...m, status_class: '5xx' }, window),
      total: total(n.httpRequests, m, window),
    };
  }
  if (kind === 'kafka-consumer') {
    return { bad: total(n.consumeFailures, m, window), total: total(n.consumed, m, window) };
  }
  return {
    bad: total(n.jobRuns, { ...m, outcome: ne('success') }, window),
    total: total(n.jobRuns, m, window),
  };
}

/** Slow and total events of a latency SLO: those above the threshold bucket are bad. */
function latencyCounts(kind: ServiceKind, m: Matchers, threshold: number, window: string): Counts {
  const histogram =
    kind === 'http-api' ? n.httpDuration : kind === 'worker' ? n.jobDuration : n.processingDuration;
  const all = total(`${histogram}_count`, m, window);
  const fast = total(`${histogram}_bucket`, { ...m, le: bucketBound(threshold) }, window);
  return { bad: `(${all} - ${fast})`, total: all };
}

/** `le` of a bucket: Prometheus 3 writes whole bounds as `1.0`, prom-client as `1`. */
function bucketBound(threshold: number): Matcher {
  return Number.isInteger(threshold) ? re(`${threshold}(\\.0)?`) : String(threshold);
}

function counts(service: Service, slo: Slo): Counts {
  const window = `${slo.windowDays}d`;
  const m = serviceMatchers(service.name);
  return slo.kind === 'availability'
    ? availabilityCounts(service.kind, m, window)
    : latencyCounts(service.kind, m, slo.thresholdSeconds, window);
}

/** Share of bad events over the SLO window. */
function badRatio(service: Service, slo: Slo): string {
  const { bad, total: all } = counts(service, slo);
  return `(\n  ${bad}\n  /\n  (${all} > 0)\n)`;
}

/** The SLI: share of good events over the SLO window (compare with `slo.objective`). */
export function sli(service: Service, slo: Slo): string {
  return `1 - ${badRatio(service, slo)}`;
}

/** Error budget left: 1 when nothing failed, 0 when the budget is spent, negative beyond. */
export function budgetLeft(service: Service, slo: Slo): string {
  const budget = Number((1 - slo.objective).toPrecision(6));
  return `1 - ${badRatio(service, slo)} / ${budget}`;
}

/** `gateway availability 99.9% / 30d`: the legend of an SLO's series. */
export function sloLabel(service: Service, slo: Slo): string {
  const objective = `${Number((slo.objective * 100).toPrecision(6))}%`;
  const what =
    slo.kind === 'availability' ? 'availability' : `latency < ${slo.thresholdSeconds * 1000}ms`;
  return `${service.name} ${what} ${objective} / ${slo.windowDays}d`;
}
