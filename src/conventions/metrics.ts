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
  cpuUserSeconds: 'process_cpu_user_seconds_total',
  cpuSystemSeconds: 'process_cpu_system_seconds_total',
  virtualMemory: 'process_virtual_memory_bytes',
  processHeap: 'process_heap_bytes',
  eventLoopLagMin: 'nodejs_eventloop_lag_min_seconds',
  eventLoopLagMax: 'nodejs_eventloop_lag_max_seconds',
  eventLoopLagMean: 'nodejs_eventloop_lag_mean_seconds',
  eventLoopLagStddev: 'nodejs_eventloop_lag_stddev_seconds',
  eventLoopLagP50: 'nodejs_eventloop_lag_p50_seconds',
  eventLoopLagP90: 'nodejs_eventloop_lag_p90_seconds',
  activeResources: 'nodejs_active_resources',
  activeResourcesTotal: 'nodejs_active_resources_total',
  activeHandlesByType: 'nodejs_active_handles',
  activeRequestsTotal: 'nodejs_active_requests_total',
  externalMemory: 'nodejs_external_memory_bytes',
  heapSpaceTotal: 'nodejs_heap_space_size_total_bytes',
  heapSpaceUsed: 'nodejs_heap_space_size_used_bytes',
  heapSpaceAvailable: 'nodejs_heap_space_size_available_bytes',
  nodeVersion: 'nodejs_version_info',
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
    labels: ['task', 'outcome'],
    origin: 'kit',
  },
  {
    name: n.jobDuration,
    type: 'histogram',
    help: 'Time of one worker job run, in seconds.',
    labels: ['task'],
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
  ...runtimeMetrics(),
];

/**
 * The rest of what prom-client's default collectors emit on Linux (the kit turns them on and
 * drops only `nodejs_active_requests`, by-type series that exist only while a libuv request is
 * in flight), listed so the catalog is exactly what a kit service exposes: nothing emitted is
 * unknown to validation, nothing listed is missing on the wire
 * (`test/kit/catalog-parity.test.ts`).
 */
function runtimeMetrics(): MetricSpec[] {
  const gauge = (name: string, help: string, labels: string[] = []): MetricSpec => ({
    name,
    type: 'gauge',
    help,
    labels,
    origin: 'kit',
  });
  return [
    { ...gauge(n.cpuUserSeconds, 'User CPU time used, in seconds.'), type: 'counter' },
    { ...gauge(n.cpuSystemSeconds, 'System CPU time used, in seconds.'), type: 'counter' },
    gauge(n.virtualMemory, 'Virtual memory size, in bytes.'),
    gauge(n.processHeap, 'Process heap size, in bytes.'),
    gauge(n.eventLoopLagMin, 'Minimum event loop lag, in seconds.'),
    gauge(n.eventLoopLagMax, 'Maximum event loop lag, in seconds.'),
    gauge(n.eventLoopLagMean, 'Mean event loop lag, in seconds.'),
    gauge(n.eventLoopLagStddev, 'Standard deviation of event loop lag, in seconds.'),
    gauge(n.eventLoopLagP50, 'Event loop lag p50, in seconds.'),
    gauge(n.eventLoopLagP90, 'Event loop lag p90, in seconds.'),
    gauge(n.activeResources, 'Active resources keeping the event loop alive, by type.', ['type']),
    gauge(n.activeResourcesTotal, 'Active resources keeping the event loop alive.'),
    gauge(n.activeHandlesByType, 'Active libuv handles, by type.', ['type']),
    gauge(n.activeRequestsTotal, 'Active libuv requests.'),
    gauge(n.externalMemory, 'Memory of C++ objects bound to JavaScript, in bytes.'),
    gauge(n.heapSpaceTotal, 'V8 heap space size, by space, in bytes.', ['space']),
    gauge(n.heapSpaceUsed, 'V8 heap space used, by space, in bytes.', ['space']),
    gauge(n.heapSpaceAvailable, 'V8 heap space available, by space, in bytes.', ['space']),
    gauge(n.nodeVersion, 'Always 1; labels say the Node.js version.', [
      'version',
      'major',
      'minor',
      'patch',
    ]),
  ];
}

/** Outcomes of a worker job run, the only values of the `outcome` label. */
export const jobOutcomes = ['success', 'failure'] as const;

/**
 * Kafka message headers the kit writes on produce and reads on consume, besides the W3C
 * `traceparent` / `tracestate` headers.
 */
export const eventHeaders = {
  /** Produce time, Unix epoch milliseconds as a decimal string: the start of end-to-end latency. */
  producedAt: 'vp-produced-at',
  /** The event name (`pet.adopted`), also the `event` log field. */
  eventName: 'vp-event',
  /** Delivery attempts already made, on events sent to the dead-letter topic. */
  attempts: 'vp-attempts',
} as const;
