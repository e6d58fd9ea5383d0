/** Retention policies for logs (Loki), metrics (Prometheus) and traces (Tempo). */
export * from './loki.ts';
export * from './prometheus.ts';
export * from './tempo.ts';
