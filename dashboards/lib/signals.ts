/**
 * The three golden signals of a service whatever its kind: throughput, failure ratio and latency.
 * An HTTP API measures requests, a Kafka consumer handled events, a worker job runs; the
 * overview's service table and each service dashboard's headline use the same queries.
 */
import type { ServiceKind } from '../../src/model/catalog.ts';
import { metricNames } from '../../src/conventions/metrics.ts';
import {
  ne,
  quantile,
  rate,
  ratio,
  selector,
  sumBy,
  type Matchers,
} from '../../src/builders/index.ts';
import { call } from './text.ts';

/** How one kind of service measures its work. */
export interface KindSignals {
  /** What one unit of work is called, for titles and descriptions. */
  unit: string;
  /** Work per second. */
  throughput(m: Matchers, by: readonly string[]): string;
  /** Share of work that failed. */
  failureRatio(m: Matchers, by: readonly string[]): string;
  /** Duration quantile of one unit of work. */
  latency(m: Matchers, q: number, by: readonly string[]): string;
}

const n = metricNames;

const counted = (metric: string, m: Matchers, by: readonly string[]) =>
  sumBy(by, rate(selector(metric, m)));

/** Job runs that did not succeed count as failures (`outcome` is `success` or a failure name). */
const failedRuns = (m: Matchers): Matchers => ({ ...m, outcome: ne('success') });

export const signals: Record<ServiceKind, KindSignals> = {
  'http-api': {
    unit: 'requests',
    throughput: (m, by) => counted(n.httpRequests, m, by),
    failureRatio: (m, by) =>
      ratio(
        counted(n.httpRequests, { ...m, status_class: '5xx' }, by),
        counted(n.httpRequests, m, by),
      ),
    latency: (m, q, by) => quantile(q, n.httpDuration, m, by),
  },
  'kafka-consumer': {
    unit: 'events',
    throughput: (m, by) => counted(n.consumed, m, by),
    failureRatio: (m, by) => ratio(counted(n.consumeFailures, m, by), counted(n.consumed, m, by)),
    latency: (m, q, by) => quantile(q, n.processingDuration, m, by),
  },
  worker: {
    unit: 'job runs',
    throughput: (m, by) => counted(n.jobRuns, m, by),
    failureRatio: (m, by) =>
      ratio(counted(n.jobRuns, failedRuns(m), by), counted(n.jobRuns, m, by)),
    latency: (m, q, by) => quantile(q, n.jobDuration, m, by),
  },
};

/** The kinds in a fixed order, for queries that combine all of them with `or`. */
export const serviceKinds: ServiceKind[] = ['http-api', 'kafka-consumer', 'worker'];

/** One signal for every kind at once, by `service`: the kinds' queries joined with `or`. */
export function anyKind(
  signal: (s: KindSignals, m: Matchers, by: readonly string[]) => string,
  m: Matchers,
): string {
  return serviceKinds.map((kind) => call('', signal(signals[kind], m, ['service']))).join('\nor\n');
}
