/** Alerting builders: promtool tests, Grafana-managed rules, routing for Alertmanager and Grafana. */
export * from './alertmanager.ts';
export * from './grafana-notifications.ts';
export * from './grafana-rules.ts';
export * from './promtool-test.ts';
export * from './routing-plan.ts';
export { expandLabels } from './template.ts';
