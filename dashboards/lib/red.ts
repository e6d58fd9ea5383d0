/**
 * RED queries (rate, errors, duration) of a service, written once and used by the overview and
 * the service dashboards. A service is named by its `service` label, or by full matchers when a
 * panel narrows further (instances, routes).
 */
import { metricNames } from '../../src/conventions/metrics.ts';
import { prometheusNames } from '../../src/conventions/exporters.ts';
import {
  quantile,
  rate,
  ratio,
  re,
  selector,
  sumBy,
  type Matchers,
} from '../../src/builders/index.ts';

/** A service name, or the matchers that pick its series. */
export type Scope = string | Matchers;

/** The matchers that pick one service in the chosen environment. */
export function serviceMatchers(service: string, extra: Matchers = {}): Matchers {
  return { service, env: '$env', ...extra };
}

/** The matchers of a service dashboard: one service, the chosen environment and instances. */
export function instanceMatchers(service: string, extra: Matchers = {}): Matchers {
  return { service, env: '$env', instance: re('$instance'), ...extra };
}

/** Every series of the chosen environment. */
export const envMatchers: Matchers = { env: '$env' };

const scoped = (scope: Scope, extra: Matchers = {}): Matchers =>
  typeof scope === 'string' ? serviceMatchers(scope, extra) : { ...scope, ...extra };

/** Requests per second, by `by` labels. */
export function requestRate(scope: Scope, by: readonly string[] = []): string {
  return sumBy(by, rate(selector(metricNames.httpRequests, scoped(scope))));
}

/** Share of requests answered with a 5xx status. */
export function errorRatio(scope: Scope, by: readonly string[] = []): string {
  const errors = rate(selector(metricNames.httpRequests, scoped(scope, { status_class: '5xx' })));
  return ratio(sumBy(by, errors), requestRate(scope, by));
}

/** Latency quantile `q` from the request duration histogram. */
export function latency(scope: Scope, q: number, by: readonly string[] = []): string {
  return quantile(q, metricNames.httpDuration, scoped(scope), by);
}

/** Instances of the service Prometheus can scrape, out of all it knows. */
export function upRatio(scope: Scope, by: readonly string[] = []): string {
  const up = selector(prometheusNames.up, scoped(scope));
  return by.length ? `avg by (${by.join(', ')}) (${up})` : `avg(${up})`;
}
