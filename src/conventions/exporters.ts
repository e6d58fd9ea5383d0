/**
 * Metrics of the exporters the platform runs beside its services, by exporter, so every
 * dashboard and alert spells them the same and validation knows them:
 * - node_exporter (prometheus/node_exporter): host CPU, memory, disk, network;
 * - kafka_exporter (danielqsj/kafka_exporter): brokers, partitions, consumer-group lag;
 * - the Prometheus JMX exporter (prometheus/jmx_exporter) on each Kafka broker, with the metric
 *   names its example Kafka rules produce (`kafka_<domain>_<type>_<name>`, lower case; rates as
 *   `…_total` counters; request-time percentiles as gauges with a `quantile` label): active
 *   controller, offline and under-replicated partitions, ISR shrinks, request latency, topic
 *   throughput;
 * - Prometheus itself (`up`, `ALERTS`).
 *
 * Dashboards use the `…Names` constants; the `…Metrics` lists describe the same names for
 * validation. Scrape configs are expected to add an `env` label to every exporter target, and a
 * `service` label to node_exporter targets of hosts that run one catalog service.
 */
import type { MetricSpec } from './metric-types.ts';

type Origin = MetricSpec['origin'];

const spec =
  (origin: Origin) =>
  (name: string, type: MetricSpec['type'], labels: string[], help: string): MetricSpec => ({
    name,
    type,
    labels,
    help,
    origin,
  });

const node = spec('node_exporter');
const kafka = spec('kafka_exporter');
const jmx = spec('kafka_jmx');
const prom = spec('prometheus');

/** node_exporter metric names. */
export const nodeNames = {
  cpuSeconds: 'node_cpu_seconds_total',
  memTotal: 'node_memory_MemTotal_bytes',
  memAvailable: 'node_memory_MemAvailable_bytes',
  fsSize: 'node_filesystem_size_bytes',
  fsAvail: 'node_filesystem_avail_bytes',
  netReceive: 'node_network_receive_bytes_total',
  netTransmit: 'node_network_transmit_bytes_total',
  load1: 'node_load1',
} as const;

/** kafka_exporter metric names. */
export const kafkaExporterNames = {
  brokers: 'kafka_brokers',
  topicPartitions: 'kafka_topic_partitions',
  partitionOffset: 'kafka_topic_partition_current_offset',
  inSyncReplicas: 'kafka_topic_partition_in_sync_replica',
  replicas: 'kafka_topic_partition_replicas',
  underReplicated: 'kafka_topic_partition_under_replicated_partition',
  leader: 'kafka_topic_partition_leader',
  groupOffset: 'kafka_consumergroup_current_offset',
  groupLag: 'kafka_consumergroup_lag',
  groupLagSum: 'kafka_consumergroup_lag_sum',
  groupMembers: 'kafka_consumergroup_members',
} as const;

/** JMX exporter metric names on the Kafka brokers (names of its example Kafka rules). */
export const kafkaJmxNames = {
  activeController: 'kafka_controller_kafkacontroller_activecontrollercount',
  offlinePartitions: 'kafka_controller_kafkacontroller_offlinepartitionscount',
  underReplicated: 'kafka_server_replicamanager_underreplicatedpartitions',
  isrShrinks: 'kafka_server_replicamanager_isrshrinks_total',
  isrExpands: 'kafka_server_replicamanager_isrexpands_total',
  bytesIn: 'kafka_server_brokertopicmetrics_bytesin_total',
  bytesOut: 'kafka_server_brokertopicmetrics_bytesout_total',
  messagesIn: 'kafka_server_brokertopicmetrics_messagesin_total',
  requestTotalTimeMs: 'kafka_network_requestmetrics_totaltimems',
} as const;

/** Series Prometheus makes itself. */
export const prometheusNames = {
  up: 'up',
  alerts: 'ALERTS',
  alertsForState: 'ALERTS_FOR_STATE',
  scrapeDuration: 'scrape_duration_seconds',
  scrapeSamples: 'scrape_samples_scraped',
} as const;

const fs = ['device', 'fstype', 'mountpoint'];
const partition = ['topic', 'partition'];
const group = ['consumergroup', 'topic', 'partition'];

export const nodeExporterMetrics: MetricSpec[] = [
  node(nodeNames.cpuSeconds, 'counter', ['cpu', 'mode'], 'CPU time per mode.'),
  node(nodeNames.memTotal, 'gauge', [], 'Total memory.'),
  node(nodeNames.memAvailable, 'gauge', [], 'Memory available for new work.'),
  node(nodeNames.fsSize, 'gauge', fs, 'Filesystem size.'),
  node(nodeNames.fsAvail, 'gauge', fs, 'Filesystem space available.'),
  node(nodeNames.netReceive, 'counter', ['device'], 'Bytes received.'),
  node(nodeNames.netTransmit, 'counter', ['device'], 'Bytes sent.'),
  node(nodeNames.load1, 'gauge', [], 'Load average over 1 minute.'),
];

const k = kafkaExporterNames;

export const kafkaExporterMetrics: MetricSpec[] = [
  kafka(k.brokers, 'gauge', [], 'Brokers in the cluster.'),
  kafka(k.topicPartitions, 'gauge', ['topic'], 'Partitions of a topic.'),
  kafka(k.partitionOffset, 'gauge', partition, 'Newest offset of a partition.'),
  kafka(k.inSyncReplicas, 'gauge', partition, 'In-sync replicas of a partition.'),
  kafka(k.replicas, 'gauge', partition, 'Replicas of a partition.'),
  kafka(k.underReplicated, 'gauge', partition, '1 when the partition is under-replicated.'),
  kafka(k.leader, 'gauge', partition, 'Leader broker id of a partition.'),
  kafka(k.groupOffset, 'gauge', group, 'Committed offset of a group.'),
  kafka(k.groupLag, 'gauge', group, 'Messages a group is behind, per partition.'),
  kafka(k.groupLagSum, 'gauge', ['consumergroup', 'topic'], 'Messages a group is behind.'),
  kafka(k.groupMembers, 'gauge', ['consumergroup'], 'Members of a consumer group.'),
];

const j = kafkaJmxNames;

export const kafkaJmxMetrics: MetricSpec[] = [
  jmx(j.activeController, 'gauge', [], '1 on the broker that is the active controller.'),
  jmx(j.offlinePartitions, 'gauge', [], 'Partitions without a leader (controller view).'),
  jmx(j.underReplicated, 'gauge', [], 'Partitions led by this broker that lack replicas.'),
  jmx(j.isrShrinks, 'counter', [], 'Times an in-sync replica set shrank.'),
  jmx(j.isrExpands, 'counter', [], 'Times an in-sync replica set grew.'),
  jmx(j.bytesIn, 'counter', ['topic'], 'Bytes written to a topic.'),
  jmx(j.bytesOut, 'counter', ['topic'], 'Bytes read from a topic.'),
  jmx(j.messagesIn, 'counter', ['topic'], 'Messages written to a topic.'),
  jmx(j.requestTotalTimeMs, 'gauge', ['request', 'quantile'], 'Request time percentiles, ms.'),
];

const p = prometheusNames;

/** Series Prometheus makes itself for every target and alert. */
export const prometheusMetrics: MetricSpec[] = [
  prom(p.up, 'gauge', [], '1 when the last scrape succeeded.'),
  prom(p.alerts, 'gauge', ['alertname', 'alertstate'], 'Pending and firing alerts.'),
  prom(p.alertsForState, 'gauge', ['alertname'], 'Since when an alert is active.'),
  prom(p.scrapeDuration, 'gauge', [], 'Duration of the last scrape.'),
  prom(p.scrapeSamples, 'gauge', [], 'Samples in the last scrape.'),
];

/** Alertmanager's own metrics, which Prometheus scrapes to alert on failed notifications. */
export const alertmanagerMetrics: MetricSpec[] = [
  {
    name: 'alertmanager_notifications_total',
    type: 'counter',
    labels: ['integration'],
    help: 'Notifications attempted, per integration.',
    origin: 'alertmanager',
  },
  {
    name: 'alertmanager_notifications_failed_total',
    type: 'counter',
    labels: ['integration', 'reason'],
    help: 'Notifications that failed after all retries, per integration.',
    origin: 'alertmanager',
  },
];

/** Every exporter metric, for validation's "no dead panels" check. */
export const exporterMetrics: MetricSpec[] = [
  ...nodeExporterMetrics,
  ...kafkaExporterMetrics,
  ...kafkaJmxMetrics,
  ...prometheusMetrics,
  ...alertmanagerMetrics,
];
