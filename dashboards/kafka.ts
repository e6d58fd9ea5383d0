/**
 * Kafka performance for the platform team: brokers, controller, partition health, request
 * latency, throughput per topic and consumer-group lag. Broker metrics come from the JMX
 * exporter, partition and group metrics from kafka_exporter (`src/conventions/exporters.ts`).
 */
import { catalog } from '../platform/catalog.ts';
import type { Catalog } from '../src/model/catalog.ts';
import { prometheusDs } from '../src/conventions/datasources.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { kafkaExporterNames, kafkaJmxNames } from '../src/conventions/exporters.ts';
import {
  dashboard,
  promQuery,
  rate,
  re,
  selector,
  sumBy,
  type DashboardDefinition,
  type Matchers,
  stat,
  timeseries,
} from '../src/builders/index.ts';
import { navigationLinks } from './lib/links.ts';
import { withSections, type Section } from './lib/section.ts';
import { above, anyIsBad, below, neutral } from './lib/thresholds.ts';
import { envVariable, listVariable } from './lib/variables.ts';

const k = kafkaExporterNames;
const j = kafkaJmxNames;
const env: Matchers = { env: '$env' };
const topics: Matchers = { env: '$env', topic: re('$topic') };
const groups: Matchers = { env: '$env', consumergroup: re('$consumergroup'), topic: re('$topic') };

function clusterSection(): Section {
  const sum = (metric: string) => `sum(${selector(metric, env)})`;
  return {
    title: 'Cluster',
    panels: [
      stat('Brokers up')
        .description('Brokers in the cluster as kafka_exporter sees it.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(below(1, 1))
        .withTarget(promQuery(sum(k.brokers))),
      stat('Active controller')
        .description('Brokers acting as controller; exactly 1 is healthy.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(below(1, 1))
        .withTarget(promQuery(sum(j.activeController))),
      stat('Offline partitions')
        .description('Partitions without a leader: unavailable for reads and writes.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(sum(j.offlinePartitions))),
      stat('Under-replicated partitions')
        .description('Partitions with fewer in-sync replicas than replicas (broker view).')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(sum(j.underReplicated))),
      stat('ISR shrinks')
        .description('Times an in-sync replica set shrank in the time range; flapping brokers.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(1, 10))
        .withTarget(promQuery(`sum(increase(${selector(j.isrShrinks, env)}[$__range]))`)),
      stat('Partitions')
        .description('Partitions of the selected topics.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(neutral())
        .withTarget(promQuery(`sum(${selector(k.topicPartitions, topics)})`)),
    ],
  };
}

function brokerSection(): Section {
  const latency = (request: string, q: string) =>
    `max(${selector(j.requestTotalTimeMs, { ...env, request, quantile: q })})`;
  return {
    title: 'Brokers',
    panels: [
      timeseries('ISR shrinks and expands')
        .description('In-sync replica set changes per second; steady churn means trouble.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(above(0.01, 0.1))
        .withTarget(promQuery(sumBy([], rate(selector(j.isrShrinks, env))), 'shrinks'))
        .withTarget(promQuery(sumBy([], rate(selector(j.isrExpands, env))), 'expands')),
      timeseries('Request latency p99')
        .description('Slowest broker’s 99th percentile time to serve requests, by type.')
        .datasource(prometheusDs)
        .unit('ms')
        .thresholds(above(100, 500))
        .withTarget(promQuery(latency('Produce', '0.99'), 'Produce'))
        .withTarget(promQuery(latency('FetchConsumer', '0.99'), 'FetchConsumer'))
        .withTarget(promQuery(latency('FetchFollower', '0.99'), 'FetchFollower')),
      timeseries('Under-replicated partitions')
        .description('Under-replicated partitions per topic (kafka_exporter view).')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(sumBy(['topic'], selector(k.underReplicated, topics)), '{{topic}}')),
    ],
  };
}

/** Per-second growth of an offset; kafka_exporter exports offsets as gauges, so no rate(). */
const growth = (offsets: string) => `deriv(${offsets}[$__rate_interval])`;

function topicSection(): Section {
  const perTopic = (metric: string) => sumBy(['topic'], rate(selector(metric, topics)));
  return {
    title: 'Topics',
    panels: [
      timeseries('Bytes in by topic')
        .description('Bytes written to each topic per second.')
        .datasource(prometheusDs)
        .unit('Bps')
        .thresholds(neutral())
        .withTarget(promQuery(perTopic(j.bytesIn), '{{topic}}')),
      timeseries('Bytes out by topic')
        .description('Bytes read from each topic per second (consumers and replicas).')
        .datasource(prometheusDs)
        .unit('Bps')
        .thresholds(neutral())
        .withTarget(promQuery(perTopic(j.bytesOut), '{{topic}}')),
      timeseries('Messages in by topic')
        .description('Messages written to each topic per second.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(perTopic(j.messagesIn), '{{topic}}')),
      timeseries('Messages out by topic')
        .description('Messages consumer groups commit per second on each topic.')
        .datasource(prometheusDs)
        .unit('ops')
        .span(12)
        .thresholds(neutral())
        .withTarget(
          promQuery(sumBy(['topic'], growth(selector(k.groupOffset, groups))), '{{topic}}'),
        ),
      timeseries('Newest offset growth by topic')
        .description('Messages appended per second, from partition offsets (kafka_exporter).')
        .datasource(prometheusDs)
        .unit('ops')
        .span(12)
        .thresholds(neutral())
        .withTarget(
          promQuery(sumBy(['topic'], growth(selector(k.partitionOffset, topics))), '{{topic}}'),
        ),
    ],
  };
}

function lagSection(): Section {
  const lag = sumBy(['consumergroup', 'topic'], selector(k.groupLagSum, groups));
  return {
    title: 'Consumer groups',
    panels: [
      timeseries('Lag by group and topic')
        .description('Messages each consumer group is behind on each topic.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(100, 1000))
        .withTarget(promQuery(lag, '{{consumergroup}} / {{topic}}')),
      timeseries('Lag trend')
        .description('Lag growth per second over 10 minutes; above 0 the group falls behind.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(1, 10))
        .withTarget(
          promQuery(
            sumBy(['consumergroup', 'topic'], `deriv(${selector(k.groupLagSum, groups)}[10m])`),
            '{{consumergroup}} / {{topic}}',
          ),
        ),
      timeseries('Group members')
        .description('Consumers in each group; 0 means nobody is reading.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(below(1, 1))
        .withTarget(
          promQuery(
            sumBy(
              ['consumergroup'],
              selector(k.groupMembers, { env: '$env', consumergroup: re('$consumergroup') }),
            ),
            '{{consumergroup}}',
          ),
        ),
    ],
  };
}

/** The Kafka dashboard; topic and group lists come from the catalog. */
export function kafkaDashboard(all: Catalog): DashboardDefinition {
  const groupNames = all.topics.flatMap((t) => t.consumers.map((c) => c.group));
  const board = dashboard('Kafka')
    .uid(dashboardUids.kafka)
    .tags(['virtual-pet', 'kafka'])
    .description('Kafka brokers, partitions, topic throughput and consumer-group lag.')
    .withVariable(envVariable())
    .withVariable(
      listVariable(
        'topic',
        'Topic',
        all.topics.map((t) => t.name),
      ),
    )
    .withVariable(listVariable('consumergroup', 'Consumer group', groupNames))
    .links(navigationLinks(dashboardUids.kafka));
  return withSections(board, [clusterSection(), brokerSection(), topicSection(), lagSection()]);
}

export default () => kafkaDashboard(catalog);
