/**
 * RED queries (rate, errors, duration) of a service, written once and used by the overview, the
 * service dashboards and the alerts' dashboards alike.
 */
import { metricNames } from '../../src/conventions/metrics.ts';
import { quantile, rate, ratio, selector, sumBy, type Matchers } from '../../src/builders/index.ts';

/** The matchers that pick one service in the chosen environment. */
export function serviceMatchers(service: string, extra: Matchers = {}): Matchers {
  return { service, env: '$env', ...extra };
}

/** Requests per second, by `by` labels. */
export function requestRate(service: string, by: string[] = []): string {
  return sumBy(by, rate(selector(metricNames.httpRequests, serviceMatchers(service))));
}

/** Share of requests answered with a 5xx status. */
export function errorRatio(service: string, by: string[] = []): string {
  const errors = rate(
    selector(metricNames.httpRequests, serviceMatchers(service, { status_class: '5xx' })),
  );
  return ratio(sumBy(by, errors), requestRate(service, by));
}

/** Latency quantile `q` from the request duration histogram. */
export function latency(service: string, q: number, by: string[] = []): string {
  return quantile(q, metricNames.httpDuration, serviceMatchers(service), by);
}

/** Instances of the service Prometheus can scrape, out of all it knows. */
export function upRatio(service: string): string {
  return `avg(up{service=${JSON.stringify(service)}, env="$env"})`;
}
