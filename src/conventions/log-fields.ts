/**
 * The standardized log line: every service writes one JSON object per line with these fields.
 * The kit's logger emits them, the agents parse them, and the LogQL of dashboards and Loki
 * alerts filters on them.
 */

/** JSON field names of a log line. */
export const logFields = {
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

/** Level names, lowest first; the `level` field holds one of these strings. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * The only fields that become Loki stream labels: few, bounded values. Everything else stays in
 * the line and is filtered with `| json`; ids as labels would explode Loki's index.
 */
export const logStreamLabels = ['service', 'env', 'level'] as const;
