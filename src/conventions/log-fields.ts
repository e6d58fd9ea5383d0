/**
 * The standardized log line: every service writes one JSON object per line with these fields.
 * The kit's logger emits them, the agents parse them, and the LogQL of dashboards and Loki
 * alerts filters on them.
 */

/** JSON field names of a log line. */
export const logFields = {
  /** Unix epoch milliseconds, a number (the agents parse it as `UnixMs`). */
  time: 'time',
  level: 'level',
  service: 'service',
  env: 'env',
  message: 'msg',
  traceId: 'trace_id',
  spanId: 'span_id',
  event: 'event',
  errorType: 'error_type',
  errorMessage: 'error_message',
  errorStack: 'error_stack',
  errorFingerprint: 'error_fingerprint',
  requestId: 'request_id',
} as const;

/**
 * Optional context fields the kit writes on request and event lines, after the standard ones.
 * Never stream labels (unbounded or high-cardinality values).
 */
export const logContextFields = {
  /** HTTP route template (`/pets/:id`), as in the `route` metric label. */
  route: 'route',
  method: 'method',
  /** HTTP response status code, a number. */
  status: 'status',
  /** Time spent on the request or event, in milliseconds. */
  durationMs: 'duration_ms',
  topic: 'topic',
  /** Kafka consumer group. */
  group: 'group',
  /** Delivery attempt of an event, from 1. */
  attempt: 'attempt',
} as const;

/** What replaces a redacted value in a log line. */
export const redactedValue = '[REDACTED]';

/** Level names, lowest first; the `level` field holds one of these strings. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * The only fields that become Loki stream labels: few, bounded values. Everything else stays in
 * the line and is filtered with `| json`; ids as labels would explode Loki's index.
 */
export const logStreamLabels = ['service', 'env', 'level'] as const;
