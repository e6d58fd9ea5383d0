/**
 * Names of the recorded series (`level:metric:operations`), one constant each, so dashboards,
 * alerts and their unit tests spell them the same.
 */

/** Per-service RED aggregates and per-instance resource rates, over 5 minutes. */
export const recorded = {
  httpRequestsRate: 'service:http_server_requests:rate5m',
  httpErrorsRate: 'service:http_server_request_errors:rate5m',
  httpErrorRatio: 'service:http_server_request_errors:ratio_rate5m',
  httpLatencyP95: 'service:http_server_request_duration_seconds:p95_5m',
  httpLatencyP99: 'service:http_server_request_duration_seconds:p99_5m',
  consumedRate: 'service:kafka_consumer_messages:rate5m',
  consumerFailureRatio: 'service:kafka_consumer_failures:ratio_rate5m',
  consumerLatencyP95: 'service:kafka_consumer_processing_duration_seconds:p95_5m',
  cpuRate: 'instance:process_cpu_seconds:rate5m',
} as const;

/** SLO series: per-window SLI error ratios, the objective, and the error budget left. */
export const sloRecorded = {
  /** `slo:sli_error:ratio_rate5m`, `…_rate1h`, …: share of bad events over the window. */
  errorRatio: (window: string) => `slo:sli_error:ratio_rate${window}`,
  objective: 'slo:objective:ratio',
  /** 1 = the whole budget left, 0 = spent, below 0 = overspent; labels `service`, `slo`. */
  budgetRemaining: 'slo:error_budget_remaining:ratio',
} as const;
