/**
 * The valid corpus: queries of the kinds real teams write — histograms, subqueries, offsets,
 * `@`, label_replace, `or on()`, Grafana variables in every spelling, LogQL parsers,
 * line_format, unwrap, `| json | level="error"` — in panels, variables and rules. None may
 * produce a finding: a linter that cries wolf gets switched off.
 */
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import { describe, expect, it } from 'vitest';
import {
  alertRule,
  dashboard,
  logs,
  lokiQuery,
  lokiRuleGroup,
  promQuery,
  prometheusRuleGroup,
  recordingRule,
  timeseries,
} from '../../src/builders/index.ts';
import { lokiDs, prometheusDs } from '../../src/conventions/datasources.ts';
import type { Resource } from '../../src/model/resource.ts';
import { validate } from '../../src/validate/validate.ts';
import { checks } from '../../src/validate/registry.ts';

const promql = [
  'histogram_quantile(0.99, sum by (le, route) (rate(http_server_request_duration_seconds_bucket{service="pets", env="$env"}[$__rate_interval])))',
  'histogram_quantile(0.5, sum(rate(kafka_consumer_event_latency_seconds_bucket{topic=~"$topic"}[$__rate_interval])) by (le))',
  'sum by (service) (rate(http_server_requests_total{status_class="5xx"}[$__rate_interval]))\n/\nsum by (service) (rate(http_server_requests_total[$__rate_interval]))',
  'max_over_time(sum(rate(http_server_requests_total[$__rate_interval]))[1h:5m])',
  'sum(rate(http_server_requests_total[$__rate_interval] offset 1d))',
  'sum(rate(http_server_requests_total[$__rate_interval] @ end()))',
  'label_replace(up{job="pets"}, "svc", "$1", "job", "(.*)")',
  'sum(rate(kafka_consumer_failures_total[$__rate_interval])) or on() vector(0)',
  'topk(5, sum by (route) (rate(http_server_requests_total{service=~"${service:regex}"}[$__rate_interval])))',
  'predict_linear(node_filesystem_avail_bytes{mountpoint="/"}[6h], 4 * 3600) < 0',
  'absent(up{service="pets"})',
  'sum(increase(http_server_requests_total[$__range]))',
  'sum(rate(http_server_requests_total{instance=~"[[instance]]"}[${__rate_interval}]))',
  'count by (version) (service_build_info)',
  'sum(kafka_consumergroup_lag_sum{consumergroup=~"$group"}) by (topic)',
  'time() - process_start_time_seconds{service="pets"}',
  'avg_over_time(nodejs_eventloop_lag_seconds[$__interval])',
  '1 - (node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)',
  'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[$__rate_interval]))',
  'clamp_min(sum(rate(kafka_consumer_messages_total[$__rate_interval])), 1)',
  'sort_desc(sum by (route) (rate(http_server_requests_total[$__rate_interval])))',
  'sum(rate(http_server_requests_total[$__rate_interval])) > $threshold',
  'sum(rate(http_server_requests_total[$__rate_interval])) * $__interval_ms / 1000',
  'service:http_server_requests:rate5m{service="pets"}',
  'sum by (alertname) (ALERTS{alertstate="firing"})',
];

const logql = [
  '{service="pets"} | json | level="error"',
  '{service=~"$service", env="$env"} |= "timeout" != "healthcheck" | logfmt',
  'sum by (service) (count_over_time({env="$env"} | json | level="error" [$__auto]))',
  '{service="pets"} | json | line_format "{{.level}} {{.msg}}"',
  'quantile_over_time(0.99, {service="pets"} | json | unwrap duration_ms [$__interval]) by (route)',
  'sum(rate({service="pets"} |~ "(?i)panic" [5m]))',
  '{service="pets"} | pattern "<ip> - <method> <path>"',
  'topk(10, sum by (error_fingerprint) (count_over_time({service="pets"} | json | level="error" [$__range])))',
  '{service="pets"} | json | trace_id="4bf92f3577b34da6a3ce929d0e0e4736"',
  '{service="pets"} | json | label_format lvl=level',
  '{service="pets"} | regexp "(?P<status>\\\\d{3})"',
  'sum by (level) (bytes_over_time({service="pets"}[$__auto]))',
];

const variables: [string, sdk.DataSourceRef, string][] = [
  ['env', prometheusDs, 'label_values(up, env)'],
  ['instance', prometheusDs, 'label_values(up{service="pets", env="$env"}, instance)'],
  [
    'route',
    prometheusDs,
    'query_result(topk(5, sum by (route) (rate(http_server_requests_total[$__range]))))',
  ],
  ['metric', prometheusDs, 'metrics(http_server_.*)'],
  ['label', prometheusDs, 'label_names()'],
  ['level', lokiDs, 'label_values({service="pets"}, level)'],
];

function resources(extra: string[] = []): Resource[] {
  let board = dashboard('Valid corpus');
  for (const [name, ds, query] of variables) {
    board = board.withVariable(new sdk.QueryVariableBuilder(name).datasource(ds).query(query));
  }
  [...promql, ...extra].forEach((expr, i) => {
    board = board.withPanel(
      timeseries(`PromQL ${i}`).datasource(prometheusDs).unit('short').withTarget(promQuery(expr)),
    );
  });
  logql.forEach((expr, i) => {
    board = board.withPanel(logs(`LogQL ${i}`).datasource(lokiDs).withTarget(lokiQuery(expr)));
  });

  const rules = prometheusRuleGroup('valid').withRules([
    recordingRule('service:http_server_requests:rate5m').expr(
      'sum by (service) (rate(http_server_requests_total[5m]))',
    ),
    alertRule('ManyRequests')
      .expr('service:http_server_requests:rate5m > 100')
      .for('10m')
      .severity('warning')
      .summary('Many requests')
      .runbook('https://runbooks.virtualpet.example/many-requests'),
  ]);
  const logRules = lokiRuleGroup('valid-logs').withRule(
    alertRule('PanicsLogged')
      .expr(
        'sum by (service) (count_over_time({env="production"} | json | level="fatal" [5m])) > 0',
      )
      .for('1m')
      .severity('critical')
      .summary('A service logged a panic')
      .runbook('https://runbooks.virtualpet.example/panics'),
  );
  return [board, rules, logRules].flatMap((b) => b.toResources());
}

describe('valid queries real teams write', () => {
  const inProcess = checks.filter((c) => !c.rules.some((r) => r.startsWith('tool/')));
  const run = (extra?: string[]) =>
    validate({ resources: resources(extra), files: [], root: process.cwd() }, inProcess);

  it('produce no finding at all', async () => {
    expect((await run()).map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });

  it('(control) one broken query among them is found', async () => {
    const found = await run(['sum(rate(http_server_requests_total[$__rate_interval])']);
    expect(found.map((d) => d.rule)).toEqual(['promql/syntax']);
  });

  it('cover every language and place', () => {
    expect(promql.length + logql.length + variables.length).toBeGreaterThanOrEqual(40);
  });
});
