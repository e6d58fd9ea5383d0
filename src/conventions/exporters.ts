/**
 * Metrics of the exporters the platform runs beside its services, by exporter, so every
 * dashboard and alert spells them the same and validation knows them:
 * - node_exporter (host CPU, memory, disk, network);
 * - kafka_exporter (danielqsj/kafka_exporter: brokers, partitions, consumer-group lag);
 * - the Prometheus JMX exporter on each Kafka broker, with the metric names its widely used
 *   Kafka rules produce (controller, replica manager, request metrics, topic throughput).
 */
import type { MetricSpec } from './metric-types.ts';

const node = (
  name: string,
  type: MetricSpec['type'],
  labels: string[],
  help: string,
): MetricSpec => ({
  name,
  type,
  labels,
  help,
  origin: 'node_exporter',
});
const kafka = (
  name: string,
  type: MetricSpec['type'],
  labels: string[],
  help: string,
): MetricSpec => ({
  name,
  type,
  labels,
  help,
  origin: 'kafka_exporter',
});

export const nodeExporterMetrics: MetricSpec[] = [
  node('node_cpu_seconds_total', 'counter', ['cpu', 'mode'], 'CPU time per mode.'),
  node('node_memory_MemTotal_bytes', 'gauge', [], 'Total memory.'),
  node('node_memory_MemAvailable_bytes', 'gauge', [], 'Memory available for new work.'),
  node(
    'node_filesystem_size_bytes',
    'gauge',
    ['device', 'fstype', 'mountpoint'],
    'Filesystem size.',
  ),
  node(
    'node_filesystem_avail_bytes',
    'gauge',
    ['device', 'fstype', 'mountpoint'],
    'Filesystem space available.',
  ),
  node('node_network_receive_bytes_total', 'counter', ['device'], 'Bytes received.'),
  node('node_network_transmit_bytes_total', 'counter', ['device'], 'Bytes sent.'),
  node('node_load1', 'gauge', [], 'Load average over 1 minute.'),
];

export const kafkaExporterMetrics: MetricSpec[] = [
  kafka('kafka_brokers', 'gauge', [], 'Brokers in the cluster.'),
  kafka('kafka_topic_partitions', 'gauge', ['topic'], 'Partitions of a topic.'),
  kafka(
    'kafka_topic_partition_current_offset',
    'gauge',
    ['topic', 'partition'],
    'Newest offset of a partition.',
  ),
  kafka(
    'kafka_topic_partition_in_sync_replica',
    'gauge',
    ['topic', 'partition'],
    'In-sync replicas of a partition.',
  ),
  kafka(
    'kafka_topic_partition_replicas',
    'gauge',
    ['topic', 'partition'],
    'Replicas of a partition.',
  ),
  kafka(
    'kafka_topic_partition_under_replicated_partition',
    'gauge',
    ['topic', 'partition'],
    '1 when the partition is under-replicated.',
  ),
  kafka(
    'kafka_topic_partition_leader',
    'gauge',
    ['topic', 'partition'],
    'Leader broker id of a partition.',
  ),
  kafka(
    'kafka_consumergroup_current_offset',
    'gauge',
    ['consumergroup', 'topic', 'partition'],
    'Committed offset of a group.',
  ),
  kafka(
    'kafka_consumergroup_lag',
    'gauge',
    ['consumergroup', 'topic', 'partition'],
    'Messages a group is behind, per partition.',
  ),
  kafka(
    'kafka_consumergroup_lag_sum',
    'gauge',
    ['consumergroup', 'topic'],
    'Messages a group is behind, per topic.',
  ),
  kafka('kafka_consumergroup_members', 'gauge', ['consumergroup'], 'Members of a consumer group.'),
];

/** Series Prometheus makes itself for every target and alert. */
export const prometheusMetrics: MetricSpec[] = [
  {
    name: 'up',
    type: 'gauge',
    labels: [],
    help: '1 when the last scrape succeeded.',
    origin: 'prometheus',
  },
  {
    name: 'ALERTS',
    type: 'gauge',
    labels: ['alertname', 'alertstate'],
    help: 'Pending and firing alerts.',
    origin: 'prometheus',
  },
  {
    name: 'ALERTS_FOR_STATE',
    type: 'gauge',
    labels: ['alertname'],
    help: 'Since when an alert is active.',
    origin: 'prometheus',
  },
  {
    name: 'scrape_duration_seconds',
    type: 'gauge',
    labels: [],
    help: 'Duration of the last scrape.',
    origin: 'prometheus',
  },
  {
    name: 'scrape_samples_scraped',
    type: 'gauge',
    labels: [],
    help: 'Samples in the last scrape.',
    origin: 'prometheus',
  },
];

/** Every exporter metric, for validation's "no dead panels" check. */
export const exporterMetrics: MetricSpec[] = [
  ...nodeExporterMetrics,
  ...kafkaExporterMetrics,
  ...prometheusMetrics,
];
