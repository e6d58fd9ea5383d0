/**
 * Kafka, from kafka_exporter's metrics: consumer lag that is high and still growing (per
 * consumer group of the catalog, owned by the consuming service's team), under-replicated and
 * offline partitions, and brokers missing from the cluster.
 */
import { catalog } from '../platform/catalog.ts';
import type { Topic } from '../src/model/catalog.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { prometheusRuleGroup, selector, type AlertRuleBuilder } from '../src/builders/index.ts';
import { serviceAlert, teamAlert } from './lib/alert.ts';

const lagBy = 'sum by (consumergroup, topic, env)';

/** One lag alert per consumer group of a topic. */
export interface LagAlert {
  topic: Topic;
  group: string;
  service: string;
  alert: AlertRuleBuilder;
}

function lagAlert(topic: Topic, group: string, serviceName: string): LagAlert {
  const service = catalog.services.find((s) => s.name === serviceName);
  if (!service) {
    throw new Error(
      `topic \`${topic.name}\`: consumer service \`${serviceName}\` is not in the catalog`,
    );
  }
  const lag = selector('kafka_consumergroup_lag_sum', { consumergroup: group, topic: topic.name });
  const alert = serviceAlert('KafkaConsumerLagHigh', service)
    .expr(`${lagBy} (${lag}) > ${topic.maxLag}\nand\n${lagBy} (delta(${lag}[15m])) > 0`)
    .for('10m')
    .severity('warning')
    // One rule per group: the group and topic labels tell them apart (and promtool's lint).
    .labels({ consumergroup: group, topic: topic.name })
    .summary(`${service.title} lags more than ${topic.maxLag} messages behind ${topic.name}`)
    .description(
      `Consumer group ${group} is more than ${topic.maxLag} messages behind on ${topic.name} ` +
        'and the lag grew over the last 15 minutes: it consumes slower than producers write.',
    )
    .dashboard(`/d/${dashboardUids.kafka}`);
  return { topic, group, service: serviceName, alert };
}

export const lagAlerts: LagAlert[] = catalog.topics.flatMap((topic) =>
  topic.consumers.map((c) => lagAlert(topic, c.group, c.service)),
);

/** The expected broker count; alerts compare `kafka_brokers` to it. */
export const expectedBrokers = catalog.kafka?.brokers ?? 3;

const platformKafka = (name: string) => teamAlert(name, 'platform', dashboardUids.kafka);

export const clusterAlerts = {
  KafkaUnderReplicatedPartitions: platformKafka('KafkaUnderReplicatedPartitions')
    .expr('sum by (topic, env) (kafka_topic_partition_under_replicated_partition) > 0')
    .for('10m')
    .severity('warning')
    .summary('Kafka topic {{ $labels.topic }} has under-replicated partitions')
    .description(
      'Some partitions of {{ $labels.topic }} have fewer in-sync replicas than replicas for 10 ' +
        'minutes: one more broker failure can lose data.',
    ),
  KafkaOfflinePartitions: platformKafka('KafkaOfflinePartitions')
    .expr(
      'count by (topic, env) (\n  kafka_topic_partition_leader == -1\n  or\n' +
        '  kafka_topic_partition_in_sync_replica == 0\n) > 0',
    )
    .for('1m')
    .severity('critical')
    .summary('Kafka topic {{ $labels.topic }} has offline partitions')
    .description(
      'Partitions of {{ $labels.topic }} have no leader or no in-sync replica: producing to and ' +
        'consuming from them fails.',
    ),
  KafkaBrokerDown: platformKafka('KafkaBrokerDown')
    .expr(`max by (env) (kafka_brokers) < ${expectedBrokers}`)
    .for('2m')
    .severity('critical')
    .summary(`Kafka has fewer than ${expectedBrokers} brokers in {{ $labels.env }}`)
    .description(
      `The cluster reports fewer than the ${expectedBrokers} brokers it should have: partitions ` +
        'led by the missing broker move, and replication is reduced.',
    ),
};

export const kafkaGroup = prometheusRuleGroup('kafka')
  .namespace('kafka')
  .withRules([...lagAlerts.map((l) => l.alert), ...Object.values(clusterAlerts)]);

export default kafkaGroup;
