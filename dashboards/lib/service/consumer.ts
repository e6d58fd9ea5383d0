/** Sections of a Kafka consumer: handling rate, failures, durations, retries, DLQ and lag. */
import type { Catalog, Service } from '../../../src/model/catalog.ts';
import { metricNames } from '../../../src/conventions/metrics.ts';
import { kafkaExporterNames } from '../../../src/conventions/exporters.ts';
import { prometheusDs } from '../../../src/conventions/datasources.ts';
import {
  promQuery,
  quantile,
  rate,
  re,
  selector,
  sumBy,
  timeseries,
} from '../../../src/builders/index.ts';
import { instanceMatchers } from '../red.ts';
import { above, anyIsBad, neutral } from '../thresholds.ts';
import type { Section } from '../section.ts';

const n = metricNames;

/** The consumer groups the catalog says this service runs. */
export function groupsOf(catalog: Catalog, service: string): string[] {
  return catalog.topics.flatMap((t) =>
    t.consumers.filter((c) => c.service === service).map((c) => c.group),
  );
}

export function consumerSection(catalog: Catalog, service: Service): Section {
  const m = instanceMatchers(service.name);
  const per = (metric: string) => sumBy(['topic'], rate(selector(metric, m)));
  const groups = groupsOf(catalog, service.name);
  const lag = selector(kafkaExporterNames.groupLagSum, {
    consumergroup: re(groups.join('|')),
    env: '$env',
  });
  const panels = [
    timeseries('Events consumed by topic')
      .description('Events this service took from each topic, per second.')
      .datasource(prometheusDs)
      .unit('ops')
      .thresholds(neutral())
      .withTarget(promQuery(per(n.consumed), '{{topic}}')),
    timeseries('Handling failures by topic')
      .description('Events whose handling failed, per second (before retries).')
      .datasource(prometheusDs)
      .unit('ops')
      .thresholds(anyIsBad(0.1))
      .withTarget(promQuery(per(n.consumeFailures), '{{topic}}')),
    timeseries('Processing duration')
      .description('Time to handle one event, percentiles.')
      .datasource(prometheusDs)
      .unit('s')
      .thresholds(above(0.5, 1))
      .withTarget(promQuery(quantile(0.5, n.processingDuration, m), 'p50'))
      .withTarget(promQuery(quantile(0.95, n.processingDuration, m), 'p95').exemplar(true))
      .withTarget(promQuery(quantile(0.99, n.processingDuration, m), 'p99')),
    timeseries('End-to-end event latency p95')
      .description('Time from an event being produced to this service handling it, p95.')
      .datasource(prometheusDs)
      .unit('s')
      .thresholds(above(5, 30))
      .withTarget(promQuery(quantile(0.95, n.eventLatency, m, ['topic']), '{{topic}}')),
    timeseries('Retries by topic')
      .description('Event handling retries per second.')
      .datasource(prometheusDs)
      .unit('ops')
      .thresholds(above(0.1, 1))
      .withTarget(promQuery(per(n.retries), '{{topic}}')),
    timeseries('Dead-lettered by topic')
      .description('Events given up on and sent to the dead-letter topic, per second.')
      .datasource(prometheusDs)
      .unit('ops')
      .thresholds(anyIsBad(0.01))
      .withTarget(promQuery(per(n.deadLettered), '{{topic}}')),
  ];
  if (groups.length) {
    panels.push(
      timeseries('Consumer lag')
        .description(`Messages the groups (${groups.join(', ')}) are behind, by topic.`)
        .datasource(prometheusDs)
        .unit('short')
        .span(12)
        .thresholds(above(100, 1000))
        .withTarget(
          promQuery(sumBy(['consumergroup', 'topic'], lag), '{{consumergroup}} / {{topic}}'),
        ),
      timeseries('Consumer lag trend')
        .description('How fast the lag grows (positive) or shrinks (negative), messages/s.')
        .datasource(prometheusDs)
        .unit('short')
        .span(12)
        .thresholds(above(1, 10))
        .withTarget(
          promQuery(
            sumBy(['consumergroup', 'topic'], `deriv(${lag}[10m])`),
            '{{consumergroup}} / {{topic}}',
          ),
        ),
    );
  }
  return { title: 'Event handling', panels };
}
