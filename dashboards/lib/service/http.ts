/** Sections of an HTTP API: RED by route, and the calls it makes to other services. */
import type { Service } from '../../../src/model/catalog.ts';
import { metricNames } from '../../../src/conventions/metrics.ts';
import { prometheusDs } from '../../../src/conventions/datasources.ts';
import {
  promQuery,
  quantile,
  rate,
  ratio,
  selector,
  sumBy,
  timeseries,
} from '../../../src/builders/index.ts';
import { errorRatio, instanceMatchers, latency, requestRate } from '../red.ts';
import { above, neutral } from '../thresholds.ts';
import type { Section } from '../section.ts';

const n = metricNames;

export function requestsSection(service: Service): Section {
  const m = instanceMatchers(service.name);
  return {
    title: 'Requests (rate, errors, duration)',
    panels: [
      timeseries('Request rate by route')
        .description('Requests per second, by route template.')
        .datasource(prometheusDs)
        .unit('reqps')
        .thresholds(neutral())
        .withTarget(promQuery(requestRate(m, ['route']), '{{route}}')),
      timeseries('Error ratio by route')
        .description('Share of requests answered with a 5xx status, by route.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.01, 0.05))
        .withTarget(promQuery(errorRatio(m, ['route']), '{{route}}')),
      timeseries('Latency')
        .description('Request duration percentiles; dots are exemplars linking to traces.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.5, 1))
        .withTarget(promQuery(latency(m, 0.5), 'p50'))
        .withTarget(promQuery(latency(m, 0.95), 'p95').exemplar(true))
        .withTarget(promQuery(latency(m, 0.99), 'p99')),
      timeseries('Responses by status class')
        .description('Responses per second by status class (2xx, 4xx, 5xx).')
        .datasource(prometheusDs)
        .unit('reqps')
        .thresholds(neutral())
        .withTarget(promQuery(requestRate(m, ['status_class']), '{{status_class}}')),
      timeseries('Latency p95 by route')
        .description('95th percentile of request duration per route: the slow routes.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.5, 1))
        .withTarget(promQuery(latency(m, 0.95, ['route']), '{{route}}')),
      timeseries('Requests in flight')
        .description('Requests being served at once, per instance.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(neutral())
        .withTarget(promQuery(sumBy(['instance'], selector(n.httpInFlight, m)), '{{instance}}')),
    ],
  };
}

/** Outgoing HTTP calls to the services this one depends on, by peer. */
export function dependenciesSection(service: Service): Section {
  if (!service.dependsOn?.length) return { title: 'Dependencies', panels: [] };
  const m = instanceMatchers(service.name);
  const calls = (extra = {}) => rate(selector(n.clientRequests, { ...m, ...extra }));
  const by = ['peer_service'];
  return {
    title: `Dependencies (${service.dependsOn.join(', ')})`,
    panels: [
      timeseries('Calls by dependency')
        .description('Requests per second this service makes to each dependency.')
        .datasource(prometheusDs)
        .unit('reqps')
        .thresholds(neutral())
        .withTarget(promQuery(sumBy(by, calls()), '{{peer_service}}')),
      timeseries('Dependency error ratio')
        .description('Share of calls to each dependency that got a 5xx or no answer.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.01, 0.05))
        .withTarget(
          promQuery(
            ratio(sumBy(by, calls({ status_class: '5xx' })), sumBy(by, calls())),
            '{{peer_service}}',
          ),
        ),
      timeseries('Dependency latency p95')
        .description('95th percentile of the time each dependency takes to answer.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.5, 1))
        .withTarget(promQuery(quantile(0.95, n.clientDuration, m, by), '{{peer_service}}')),
    ],
  };
}
