/**
 * The metrics the instrumentation kit emits. Dashboards, alerts and recording rules reference
 * these constants, and validation proves every queried name is one of them (or an exporter's):
 * what a panel asks for is what a service sends.
 */
import type { MetricSpec } from './metric-types.ts';

/** Labels Prometheus adds to every series of a catalog service through the scrape config. */
export const targetLabels = ['service', 'team', 'env', 'instance', 'job'] as const;

/** Latency buckets in seconds; SLO thresholds must be one of these boundaries. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** End-to-end event latency buckets in seconds (produce → handled). */
export const eventLatencyBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

const http = ['route', 'method', 'status_class'];
const consumer = ['topic', 'group'];

/** Metric names, one constant each, so a rename is one edit and a typo a type error. */
export const metricNames = {
  httpRequests: 'http_server_requests_total',
  httpDuration: 'http_server_request_duration_seconds',
  httpInFlight: 'http_server_requests_in_flight',
  clientRequests: 'http_client_requests_total',
  clientDuration: 'http_client_request_duration_seconds',
  produced: 'kafka_producer_messages_total',
  produceErrors: 'kafka_producer_errors_total',
  consumed: 'kafka_consumer_messages_total',
  consumeFailures: 'kafka_consumer_failures_total',
  processingDuration: 'kafka_consumer_processing_duration_seconds',
  eventLatency: 'kafka_consumer_event_latency_seconds',
  retries: 'kafka_consumer_retries_total',
  deadLettered: 'kafka_consumer_dead_lettered_total',
  jobRuns: 'worker_job_runs_total',
  jobDuration: 'worker_job_duration_seconds',
  buildInfo: 'service_build_info',
  cpuSeconds: 'process_cpu_seconds_total',
  residentMemory: 'process_resident_memory_bytes',
  openFds: 'process_open_fds',
  maxFds: 'process_max_fds',
  startTime: 'process_start_time_seconds',
  eventLoopLag: 'nodejs_eventloop_lag_seconds',
  eventLoopLagP99: 'nodejs_eventloop_lag_p99_seconds',
  gcDuration: 'nodejs_gc_duration_seconds',
  activeHandles: 'nodejs_active_handles_total',
  heapUsed: 'nodejs_heap_size_used_bytes',
  heapTotal: 'nodejs_heap_size_total_bytes',
} as const;

const n = metricNames;

/** The kit's metric catalog. `src/kit` registers exactly these with prom-client. */
export const kitMetrics: MetricSpec[] = [
  {
    name: n.httpRequests,
    type: 'counter',
    help: 'HTTP requests served.',
    labels: http,
    origin: 'kit',
  },
  {
    name: n.httpDuration,
    type: 'histogram',
    help: 'Time to serve an HTTP request, in seconds.',
    labels: http,
    origin: 'kit',
    buckets: latencyBuckets,
  },
  {
    name: n.httpInFlight,
    type: 'gauge',
    help: 'HTTP requests being served.',
    labels: [],
    origin: 'kit',
  },
  {
    name: n.clientRequests,
    type: 'counter',
    help: 'HTTP requests made to other services.',
    labels: ['peer_service', 'method', 'status_class'],
    origin: 'kit',
  },
  {
    name: n.clientDuration,
    type: 'histogram',
    help: 'Time of HTTP requests to other services, in seconds.',
    labels: ['peer_service', 'method', 'status_class'],
    origin: 'kit',
    buckets: latencyBuckets,
  },
  { name: n.produced, type: 'counter', help: 'Events produced.', labels: ['topic'], origin: 'kit' },
  {
    name: n.produceErrors,
    type: 'counter',
    help: 'Events that failed to produce.',
    labels: ['topic'],
    origin: 'kit',
  },
  {
    name: n.consumed,
    type: 'counter',
    help: 'Events consumed (handled or not).',
    labels: consumer,
    origin: 'kit',
  },
  {
    name: n.consumeFailures,
    type: 'counter',
    help: 'Events whose handling failed.',
    labels: consumer,
    origin: 'kit',
  },
  {
    name: n.processingDuration,
    type: 'histogram',
    help: 'Time to handle one event, in seconds.',
    labels: consumer,
    origin: 'kit',
    buckets: latencyBuckets,
  },
  {
    name: n.eventLatency,
    type: 'histogram',
    help: 'Time from an event being produced to it being handled, in seconds.',
    labels: consumer,
    origin: 'kit',
    buckets: eventLatencyBuckets,
  },
  {
    name: n.retries,
    type: 'counter',
    help: 'Event handling retries.',
    labels: consumer,
    origin: 'kit',
  },
  {
    name: n.deadLettered,
    type: 'counter',
    help: 'Events sent to the dead-letter topic.',
    labels: consumer,
    origin: 'kit',
  },
  {
    name: n.jobRuns,
    type: 'counter',
    help: 'Worker job runs.',
    labels: ['job', 'outcome'],
    origin: 'kit',
  },
  {
    name: n.jobDuration,
    type: 'histogram',
    help: 'Time of one worker job run, in seconds.',
    labels: ['job'],
    origin: 'kit',
    buckets: latencyBuckets,
  },
  {
    name: n.buildInfo,
    type: 'gauge',
    help: 'Always 1; labels say the running version.',
    labels: ['version', 'commit'],
    origin: 'kit',
  },
  {
    name: n.cpuSeconds,
    type: 'counter',
    help: 'CPU time used, in seconds.',
    labels: [],
    origin: 'kit',
  },
  {
    name: n.residentMemory,
    type: 'gauge',
    help: 'Resident memory, in bytes.',
    labels: [],
    origin: 'kit',
  },
  { name: n.openFds, type: 'gauge', help: 'Open file descriptors.', labels: [], origin: 'kit' },
  { name: n.maxFds, type: 'gauge', help: 'File descriptor limit.', labels: [], origin: 'kit' },
  {
    name: n.startTime,
    type: 'gauge',
    help: 'Process start time, Unix seconds.',
    labels: [],
    origin: 'kit',
  },
  {
    name: n.eventLoopLag,
    type: 'gauge',
    help: 'Event loop lag, in seconds.',
    labels: [],
    origin: 'kit',
  },
  {
    name: n.eventLoopLagP99,
    type: 'gauge',
    help: 'Event loop lag p99, in seconds.',
    labels: [],
    origin: 'kit',
  },
  {
    name: n.gcDuration,
    type: 'histogram',
    help: 'Garbage collection time, in seconds.',
    labels: ['kind'],
    origin: 'kit',
    buckets: [0.001, 0.01, 0.1, 1, 2, 5],
  },
  {
    name: n.activeHandles,
    type: 'gauge',
    help: 'Active libuv handles.',
    labels: [],
    origin: 'kit',
  },
  { name: n.heapUsed, type: 'gauge', help: 'V8 heap used, in bytes.', labels: [], origin: 'kit' },
  { name: n.heapTotal, type: 'gauge', help: 'V8 heap size, in bytes.', labels: [], origin: 'kit' },
];
