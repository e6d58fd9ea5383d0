/** The top line of a service dashboard: is it up, how much work, how much fails, how fast. */
import type { Service } from '../../../src/model/catalog.ts';
import { metricNames } from '../../../src/conventions/metrics.ts';
import { prometheusDs } from '../../../src/conventions/datasources.ts';
import { promInstant, promQuery, selector, stat } from '../../../src/builders/index.ts';
import { instanceMatchers, upRatio } from '../red.ts';
import { signals } from '../signals.ts';
import { above, below, neutral } from '../thresholds.ts';
import type { Section } from '../section.ts';

export function headlineSection(service: Service): Section {
  const m = instanceMatchers(service.name);
  const s = signals[service.kind];
  const buildInfo = selector(metricNames.buildInfo, m);
  return {
    title: 'Health',
    panels: [
      stat('Up')
        .description('Share of the selected instances Prometheus can scrape right now.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(below(1, 0.5))
        .withTarget(promQuery(upRatio(m))),
      stat(`Throughput`)
        .description(`${s.unit} handled per second by the selected instances.`)
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(s.throughput(m, []))),
      stat('Failure ratio')
        .description(`Share of ${s.unit} that failed.`)
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.01, 0.05))
        .withTarget(promQuery(s.failureRatio(m, []))),
      stat('Latency p95')
        .description(`95th percentile of the time to handle one of the ${s.unit}.`)
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.5, 1))
        .withTarget(promQuery(s.latency(m, 0.95, []))),
      stat('Restarts (1h)')
        .description('Process restarts of the selected instances in the last hour.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(1, 3))
        .withTarget(promQuery(`sum(changes(${selector(metricNames.startTime, m)}[1h]))`)),
      stat('Versions running')
        .description('Distinct versions running; more than one means a deploy is under way.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(2, 3))
        .withTarget(promInstant(`count(count by (version) (${buildInfo}))`)),
    ],
  };
}
