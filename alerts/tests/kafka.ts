/**
 * Unit tests of the Kafka alerts: lag high and growing fires, lag high but shrinking does not;
 * under-replicated and offline partitions; a broker missing; a healthy cluster is quiet.
 */
import { promtoolTest, seriesText, unitCase } from '../../src/builders/index.ts';
import { flat, testEnv } from '../lib/series.ts';
import { clusterAlerts, expectedBrokers, kafkaGroup, lagAlerts } from '../kafka.ts';

const minutes = 40;
const at = '30m';
const exporter = { job: 'kafka-exporter', instance: 'kafka-exporter:9308', env: testEnv };
const lagSeries = (group: string, topic: string) =>
  seriesText('kafka_consumergroup_lag_sum', { ...exporter, consumergroup: group, topic });

const growing = unitCase('consumer lag above the limit and growing');
const draining = unitCase('consumer lag above the limit but shrinking');
for (const { topic, group, alert } of lagAlerts) {
  const limit = topic.maxLag;
  growing.series(lagSeries(group, topic.name), `${limit}+${limit / 10}x${minutes}`);
  growing.expectAlert(at, alert, { consumergroup: group, topic: topic.name, env: testEnv });
  draining.series(lagSeries(group, topic.name), `${limit * 10}-${limit / 10}x${minutes}`);
  draining.expectNoAlert(at, alert);
}

const partition = (topic: string, p: number) => ({ ...exporter, topic, partition: String(p) });
const broken = unitCase('partitions and brokers in trouble')
  .series(
    seriesText('kafka_topic_partition_under_replicated_partition', partition('pet.events', 0)),
    flat(1, minutes),
  )
  .series(
    seriesText('kafka_topic_partition_under_replicated_partition', partition('pet.events', 1)),
    flat(0, minutes),
  )
  .series(
    seriesText('kafka_topic_partition_leader', partition('care.events', 0)),
    flat(-1, minutes),
  )
  .series(
    seriesText('kafka_topic_partition_in_sync_replica', partition('care.events', 0)),
    flat(0, minutes),
  )
  .series(
    seriesText('kafka_brokers', exporter),
    `${expectedBrokers} ${flat(expectedBrokers - 1, minutes)}`,
  )
  .expectAlert(at, clusterAlerts.KafkaUnderReplicatedPartitions, {
    topic: 'pet.events',
    env: testEnv,
  })
  .expectAlert(at, clusterAlerts.KafkaOfflinePartitions, { topic: 'care.events', env: testEnv })
  .expectAlert(at, clusterAlerts.KafkaBrokerDown, { env: testEnv });

const healthy = unitCase('a healthy cluster is quiet')
  .series(
    seriesText('kafka_topic_partition_under_replicated_partition', partition('pet.events', 0)),
    flat(0, minutes),
  )
  .series(seriesText('kafka_topic_partition_leader', partition('care.events', 0)), flat(2, minutes))
  .series(
    seriesText('kafka_topic_partition_in_sync_replica', partition('care.events', 0)),
    flat(3, minutes),
  )
  .series(seriesText('kafka_brokers', exporter), flat(expectedBrokers, minutes));
for (const alert of Object.values(clusterAlerts)) healthy.expectNoAlert(at, alert);

export default promtoolTest('alerts-kafka')
  .ruleGroups([kafkaGroup])
  .withCases([growing, draining, broken, healthy]);
