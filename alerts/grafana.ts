/**
 * Grafana-managed rules: conditions over logs and metrics together, which neither Prometheus
 * nor the Loki ruler can evaluate alone. Routed by Grafana's notification policies
 * (`alerts/routing.ts`) on the same team and severity labels as every other alert.
 * - HTTP services, `LogErrorsPerRequestHigh`: error log lines (Loki) per request served
 *   (Prometheus) above 0.1, i.e. requests fail in ways the status codes do not show.
 * - Kafka consumers, `ConsumerErrorsWhileLagGrows`: the consumer logs errors (Loki) while its
 *   groups' lag grows (Prometheus), i.e. the errors are what stops it.
 */
import { catalog } from '../platform/catalog.ts';
import type { Service } from '../src/model/catalog.ts';
import { metricNames as m } from '../src/conventions/metrics.ts';
import { logFields } from '../src/conventions/log-fields.ts';
import { datasourceUids } from '../src/conventions/datasources.ts';
import {
  dashboardPath,
  dashboardUids,
  serviceDashboardUid,
} from '../src/conventions/dashboards.ts';
import {
  grafanaRule,
  grafanaRuleGroup,
  selector,
  streamSelector,
  type GrafanaRuleBuilder,
} from '../src/builders/index.ts';
import { runbookUrl } from './lib/alert.ts';

/** The folder (by title) Grafana-managed rules live in. */
export const alertFolder = 'Virtual Pet alerts';

const errorLines = (service: string, window: string) =>
  `sum by (service) (count_over_time(${streamSelector({ [logFields.service]: service, [logFields.level]: 'error' })}[${window}]))`;

function common(rule: GrafanaRuleBuilder, s: Service, name: string, dashboardUid: string) {
  return rule.labels({ team: s.team, service: s.name }).annotations({
    runbook_url: runbookUrl(name),
    dashboard_url: dashboardPath(dashboardUid),
  });
}

function errorsPerRequest(s: Service): GrafanaRuleBuilder {
  const name = 'LogErrorsPerRequestHigh';
  const requests = selector(m.httpRequests, { service: s.name });
  const rule = grafanaRule(`${s.title}: error logs per request high`)
    .uid(`vp-log-errors-per-request-${s.name}`)
    .loki('A', datasourceUids.loki, errorLines(s.name, '10m'))
    .prometheus('B', datasourceUids.prometheus, `sum by (service) (increase(${requests}[10m]))`)
    .math('C', '$A / $B')
    .threshold('D', 'C', 'gt', 0.1)
    // No error line in 10 minutes is no data from Loki: that is the healthy case, not unknown.
    .noDataState('OK')
    // A failing Loki or Prometheus query must show, as Grafana's DatasourceError alert.
    .execErrState('Error')
    .for('10m')
    .severity('warning')
    .annotations({
      summary: `${s.title} logs more than one error line per ten requests`,
      description:
        `Over 10 minutes ${s.name} wrote more than 0.1 error log lines per request served, ` +
        'although its 5xx ratio may look fine: errors are handled and hidden from clients.',
    });
  return common(rule, s, name, serviceDashboardUid(s.name));
}

function errorsWhileLagGrows(s: Service): GrafanaRuleBuilder {
  const name = 'ConsumerErrorsWhileLagGrows';
  const groups = catalog.topics.flatMap((t) => t.consumers.filter((c) => c.service === s.name));
  const lag = selector('kafka_consumergroup_lag_sum', {
    consumergroup: { op: '=~', value: groups.map((g) => g.group).join('|') },
  });
  const growth = `label_replace(sum(delta(${lag}[10m])), "service", "${s.name}", "", "")`;
  const rule = grafanaRule(`${s.title}: errors while consumer lag grows`)
    .uid(`vp-consumer-errors-lag-${s.name}`)
    .loki('A', datasourceUids.loki, errorLines(s.name, '10m'))
    .prometheus('B', datasourceUids.prometheus, growth)
    .math('C', '$A > 0 && $B > 0')
    .threshold('D', 'C', 'gt', 0)
    // No error lines means the consumer is not failing: OK, not unknown.
    .noDataState('OK')
    // Keep the last state through a single failed query rather than flapping the page.
    .execErrState('KeepLast')
    .for('5m')
    .severity('critical')
    .annotations({
      summary: `${s.title} fails on events while its lag grows`,
      description:
        `${s.name} logs errors and its consumer groups (${groups.map((g) => g.group).join(', ')}) ` +
        'fall further behind: the failures are what stops consumption.',
    });
  return common(rule, s, name, dashboardUids.kafka);
}

export default grafanaRuleGroup('logs-and-metrics')
  .folder(alertFolder)
  .interval('1m')
  .withRules(
    catalog.services.flatMap((s) => {
      if (s.kind === 'http-api') return [errorsPerRequest(s)];
      if (s.kind === 'kafka-consumer') return [errorsWhileLagGrows(s)];
      return [];
    }),
  );
