/** The service's own Kafka traffic: what it produces and consumes, per topic (kit metrics). */
import type { Catalog, Service } from '../../../src/model/catalog.ts';
import { metricNames } from '../../../src/conventions/metrics.ts';
import { prometheusDs } from '../../../src/conventions/datasources.ts';
import { promQuery, rate, selector, sumBy, timeseries } from '../../../src/builders/index.ts';
import { instanceMatchers } from '../red.ts';
import { anyIsBad, neutral } from '../thresholds.ts';
import type { Section } from '../section.ts';

const n = metricNames;

export function kafkaSection(catalog: Catalog, service: Service): Section {
  const produces = catalog.topics.filter((t) => t.producers.includes(service.name));
  const consumes = catalog.topics.filter((t) =>
    t.consumers.some((c) => c.service === service.name),
  );
  if (!produces.length && !consumes.length) return { title: 'Kafka', panels: [] };

  const m = instanceMatchers(service.name);
  const perTopic = (metric: string) => sumBy(['topic'], rate(selector(metric, m)));
  const names = (topics: { name: string }[]) => topics.map((t) => t.name).join(', ') || 'none';
  return {
    title: `Kafka (produces: ${names(produces)}; consumes: ${names(consumes)})`,
    panels: [
      timeseries('Produced by topic')
        .description('Events this service wrote to each topic, per second.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(perTopic(n.produced), '{{topic}}')),
      timeseries('Produce errors by topic')
        .description('Events this service failed to write, per second.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(anyIsBad(0.01))
        .withTarget(promQuery(perTopic(n.produceErrors), '{{topic}}')),
      timeseries('Consumed by topic')
        .description('Events this service read from each topic, per second.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(perTopic(n.consumed), '{{topic}}')),
    ],
  };
}
