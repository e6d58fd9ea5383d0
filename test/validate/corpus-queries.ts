/** Broken definitions, part 1: query syntax, PromQL lint rules and dashboards. */
import type { BrokenCase } from './fixtures.ts';

export const queryCases: BrokenCase[] = [
  {
    name: 'promql/syntax: unclosed parenthesis in a panel query',
    file: 'dashboards/promql-unclosed.ts',
    code: `export default dashboard('Promql unclosed')
  .withPanel(graph('Requests', 'sum(rate(http_server_requests_total[$__rate_interval])'));`,
    expected: [
      [
        'promql/syntax',
        2,
        'panel `Requests` query A: PromQL does not parse at 1:55: unexpected end of query',
      ],
    ],
  },
  {
    name: 'promql/syntax: one parenthesis too many',
    file: 'dashboards/promql-extra-paren.ts',
    code: `export default dashboard('Promql extra paren')
  .withPanel(graph('Requests', 'sum(rate(http_server_requests_total[$__rate_interval])))'));`,
    expected: [
      [
        'promql/syntax',
        2,
        'panel `Requests` query A: PromQL does not parse at 1:56: unexpected `)`',
      ],
    ],
  },
  {
    name: 'promql/syntax: a matcher written with ==',
    file: 'dashboards/promql-double-equals.ts',
    code: `export default dashboard('Promql double equals')
  .withPanel(graph('Up', 'up{service=="pets"}'));`,
    expected: [
      ['promql/syntax', 2, 'panel `Up` query A: PromQL does not parse at 1:12: unexpected `=`'],
    ],
  },
  {
    name: 'promql/syntax: error on the second line of a multi-line query',
    file: 'dashboards/promql-multiline.ts',
    code: `export default dashboard('Promql multiline')
  .withPanel(graph('Ratio', \`sum(rate(http_server_requests_total[$__rate_interval]))
/ on() group_left
sum(rate(http_server_requests_total[$__rate_interval])) by\`));`,
    expected: [
      [
        'promql/syntax',
        2,
        'panel `Ratio` query A: PromQL does not parse at 3:59: unexpected end of query',
      ],
    ],
  },
  {
    name: 'promql/syntax: position counted in the query as written, variables included',
    file: 'dashboards/promql-after-variable.ts',
    code: `export default dashboard('Promql after variable')
  .withPanel(graph('Requests', 'sum(rate(http_server_requests_total{service=~"\${service:regex}", env="$env"}[$__rate_interval])) +'));`,
    expected: [
      [
        'promql/syntax',
        2,
        'panel `Requests` query A: PromQL does not parse at 1:99: unexpected end of query',
      ],
    ],
  },
  {
    name: 'promql/syntax: an alert expression',
    file: 'alerts/promql-alert-syntax.ts',
    code: `export default prometheusRuleGroup('alert-syntax').namespace('alert-syntax').withRule(
  ok(alertRule('BrokenAlert').expr('sum(rate(http_server_requests_total[5m]) > 1')),
);`,
    expected: [
      [
        'promql/syntax',
        2,
        'alert `BrokenAlert`: PromQL does not parse at 1:45: unexpected end of query',
      ],
    ],
  },
  {
    name: 'promql/syntax: a recording rule expression',
    file: 'recording-rules/promql-record-syntax.ts',
    code: `export default prometheusRuleGroup('record-syntax').namespace('record-syntax').withRule(
  recordingRule('job:broken:rate5m').expr('sum by (job (rate(http_server_requests_total[5m]))'),
);`,
    expected: [
      [
        'promql/syntax',
        2,
        'recording rule `job:broken:rate5m`: PromQL does not parse at 1:13: unexpected `(`',
      ],
    ],
  },
  {
    name: 'promql/syntax: the selector inside label_values() of a variable',
    file: 'dashboards/promql-variable.ts',
    code: `export default dashboard('Promql variable')
  .withVariable(new sdk.QueryVariableBuilder('instance').datasource(prometheusDs).query('label_values(up{service=}, instance)'))
  .withPanel(graph('Up', 'up'));`,
    expected: [
      ['promql/syntax', 1, 'variable `instance`: PromQL does not parse at 1:25: unexpected `}`'],
    ],
  },
  {
    name: 'logql/syntax: an unclosed stream selector',
    file: 'dashboards/logql-unclosed.ts',
    code: `export default dashboard('Logql unclosed')
  .withPanel(logPanel('Logs', '{service="pets"'));`,
    expected: [
      [
        'logql/syntax',
        2,
        'panel `Logs` query A: LogQL does not parse at 1:16: unexpected end of query',
      ],
    ],
  },
  {
    name: 'logql/syntax: a label filter without a value',
    file: 'dashboards/logql-filter.ts',
    code: `export default dashboard('Logql filter')
  .withPanel(logPanel('Errors', '{service="pets"} | json | level='));`,
    expected: [
      [
        'logql/syntax',
        2,
        'panel `Errors` query A: LogQL does not parse at 1:33: unexpected end of query',
      ],
    ],
  },
  {
    name: 'logql/syntax: a Loki alert whose range aggregation has no range',
    file: 'alerts/logql-no-range.ts',
    code: `export default lokiRuleGroup('logql-no-range').namespace('logql-no-range').withRule(
  ok(alertRule('NoRange').expr('sum(count_over_time({service="pets"} |= "error")) > 0')),
);`,
    expected: [
      ['logql/syntax', 2, 'alert `NoRange`: LogQL does not parse at 1:48: unexpected `)`'],
    ],
  },
  {
    name: 'promql/rate-non-counter: rate() over a kit gauge',
    file: 'dashboards/rate-gauge.ts',
    code: `export default dashboard('Rate gauge')
  .withPanel(graph('Memory', 'rate(process_resident_memory_bytes[$__rate_interval])'));`,
    expected: [
      [
        'promql/rate-non-counter',
        2,
        'panel `Memory` query A: rate() over `process_resident_memory_bytes`, which is a gauge (kit); rate() needs a counter',
      ],
    ],
  },
  {
    name: 'promql/rate-non-counter: increase() over a gauge in an alert',
    file: 'alerts/increase-gauge.ts',
    code: `export default prometheusRuleGroup('increase-gauge').namespace('increase-gauge').withRule(
  ok(alertRule('InFlightGrowing').expr('increase(http_server_requests_in_flight[10m]) > 100')),
);`,
    expected: [
      [
        'promql/rate-non-counter',
        2,
        'alert `InFlightGrowing`: increase() over `http_server_requests_in_flight`, which is a gauge (kit); increase() needs a counter',
      ],
    ],
  },
  {
    name: 'promql/rate-non-counter: irate() over an exporter gauge is a warning',
    file: 'dashboards/irate-exporter-gauge.ts',
    code: `export default dashboard('Irate exporter gauge')
  .withPanel(graph('Lag', 'sum(irate(kafka_consumergroup_lag[$__rate_interval]))'));`,
    expected: [
      [
        'promql/rate-non-counter',
        2,
        'panel `Lag` query A: irate() over `kafka_consumergroup_lag`, which is a gauge (kafka_exporter); irate() needs a counter',
      ],
    ],
  },
  {
    name: 'promql/histogram-quantile-le: sum without by',
    file: 'dashboards/quantile-no-by.ts',
    code: `export default dashboard('Quantile no by')
  .withPanel(graph('p99', 'histogram_quantile(0.99, sum(rate(http_server_request_duration_seconds_bucket[$__rate_interval])))'));`,
    expected: [
      [
        'promql/histogram-quantile-le',
        2,
        'panel `p99` query A: histogram_quantile() over an aggregation that drops the `le` label',
      ],
    ],
  },
  {
    name: 'promql/histogram-quantile-le: by clause without le',
    file: 'dashboards/quantile-by-route.ts',
    code: `export default dashboard('Quantile by route')
  .withPanel(graph('p99 by route', 'histogram_quantile(0.99, sum by (route) (rate(http_server_request_duration_seconds_bucket[$__rate_interval])))'));`,
    expected: [
      [
        'promql/histogram-quantile-le',
        2,
        'panel `p99 by route` query A: histogram_quantile() over an aggregation that drops the `le` label',
      ],
    ],
  },
  {
    name: 'promql/histogram-quantile-le: without (le)',
    file: 'recording-rules/quantile-without-le.ts',
    code: `export default prometheusRuleGroup('quantile-without').namespace('quantile-without').withRule(
  recordingRule('job:latency:p99').expr('histogram_quantile(0.99, sum without (le) (rate(http_server_request_duration_seconds_bucket[5m])))'),
);`,
    expected: [
      [
        'promql/histogram-quantile-le',
        2,
        'recording rule `job:latency:p99`: histogram_quantile() over an aggregation that drops the `le` label',
      ],
    ],
  },
  {
    name: 'query/high-cardinality-label: an id in a selector',
    file: 'dashboards/cardinality-selector.ts',
    code: `export default dashboard('Cardinality selector')
  .withPanel(graph('One user', 'sum(rate(http_server_requests_total{user_id="42"}[$__rate_interval]))'));`,
    expected: [
      [
        'query/high-cardinality-label',
        2,
        'panel `One user` query A: label `user_id` in a selector: ids as labels make one series per value',
      ],
    ],
  },
  {
    name: 'query/high-cardinality-label: an id in a by clause',
    file: 'dashboards/cardinality-by.ts',
    code: `export default dashboard('Cardinality by')
  .withPanel(graph('Per pet', 'sum by (pet_id) (rate(http_server_requests_total[$__rate_interval]))'));`,
    expected: [
      [
        'query/high-cardinality-label',
        2,
        'panel `Per pet` query A: label `pet_id` in a by clause: ids as labels make one series per value',
      ],
    ],
  },
  {
    name: 'query/high-cardinality-label: an id in a LogQL stream selector',
    file: 'dashboards/cardinality-stream.ts',
    code: `export default dashboard('Cardinality stream')
  .withPanel(logPanel('One request', '{service="pets", request_id="abc"}'));`,
    expected: [
      [
        'query/high-cardinality-label',
        2,
        'panel `One request` query A: label `request_id` in a stream selector: ids as labels make one series per value',
      ],
    ],
  },
  {
    name: 'query/high-cardinality-label: an id in a Loki alert by clause',
    file: 'alerts/cardinality-loki.ts',
    code: `export default lokiRuleGroup('cardinality-loki').namespace('cardinality-loki').withRule(
  ok(alertRule('TraceErrors').expr('sum by (trace_id) (count_over_time({service="pets"} | json | level="error" [5m])) > 10')),
);`,
    expected: [
      [
        'query/high-cardinality-label',
        2,
        'alert `TraceErrors`: label `trace_id` in a by clause: ids as labels make one series per value',
      ],
    ],
  },
  {
    name: 'panel/rate-interval: rate() with a fixed window',
    file: 'dashboards/window-rate.ts',
    code: `export default dashboard('Window rate')
  .withPanel(graph('Requests', 'sum(rate(http_server_requests_total[5m]))'));`,
    expected: [
      [
        'panel/rate-interval',
        2,
        "panel `Requests` query A: rate() window `5m` does not follow the dashboard's time range",
      ],
    ],
  },
  {
    name: 'panel/rate-interval: irate() with a fixed window',
    file: 'dashboards/window-irate.ts',
    code: `export default dashboard('Window irate')
  .withPanel(graph('Requests', 'sum(irate(http_server_requests_total[1m]))'));`,
    expected: [
      [
        'panel/rate-interval',
        2,
        "panel `Requests` query A: irate() window `1m` does not follow the dashboard's time range",
      ],
    ],
  },
  {
    name: 'panel/rate-interval: increase() with a fixed window',
    file: 'dashboards/window-increase.ts',
    code: `export default dashboard('Window increase')
  .withPanel(graph('Errors per hour', 'sum(increase(http_server_requests_total{status_class="5xx"}[1h]))'));`,
    expected: [
      [
        'panel/rate-interval',
        2,
        "panel `Errors per hour` query A: increase() window `1h` does not follow the dashboard's time range",
      ],
    ],
  },
  {
    name: 'panel/unit-missing: a time series without a unit',
    file: 'dashboards/unit-timeseries.ts',
    code: `export default dashboard('Unit timeseries')
  .withPanel(timeseries('Requests').datasource(prometheusDs).withTarget(promQuery('sum(rate(http_server_requests_total[$__rate_interval]))')));`,
    expected: [['panel/unit-missing', 2, 'panel `Requests` shows numbers but has no unit']],
  },
  {
    name: 'panel/unit-missing: a stat without a unit',
    file: 'dashboards/unit-stat.ts',
    code: `export default dashboard('Unit stat')
  .withPanel(stat('Instances').datasource(prometheusDs).withTarget(promQuery('count(up)')));`,
    expected: [['panel/unit-missing', 2, 'panel `Instances` shows numbers but has no unit']],
  },
  {
    name: 'panel/unit-missing: a gauge without a unit',
    file: 'dashboards/unit-gauge.ts',
    code: `export default dashboard('Unit gauge')
  .withPanel(gauge('Heap').datasource(prometheusDs).withTarget(promQuery('max(nodejs_heap_size_used_bytes)')));`,
    expected: [['panel/unit-missing', 2, 'panel `Heap` shows numbers but has no unit']],
  },
  {
    name: 'metric/unknown: a misspelt kit metric, with the closest name',
    file: 'dashboards/metric-typo.ts',
    code: `export default dashboard('Metric typo')
  .withPanel(graph('Requests', 'sum(rate(http_server_request_total[$__rate_interval]))'));`,
    expected: [
      [
        'metric/unknown',
        2,
        'panel `Requests` query A: metric `http_server_request_total` is not emitted by the kit, an exporter or a recording rule',
      ],
    ],
  },
  {
    name: 'metric/unknown: a metric no exporter declares, in an alert',
    file: 'alerts/metric-unknown-alert.ts',
    code: `export default prometheusRuleGroup('metric-unknown').namespace('metric-unknown').withRule(
  ok(alertRule('PetsAdoptedStopped').expr('sum(rate(pets_adopted_total[30m])) == 0')),
);`,
    expected: [
      [
        'metric/unknown',
        2,
        'alert `PetsAdoptedStopped`: metric `pets_adopted_total` is not emitted by the kit, an exporter or a recording rule',
      ],
    ],
  },
  {
    name: 'metric/unknown: in a variable query',
    file: 'dashboards/metric-variable.ts',
    code: `export default dashboard('Metric variable')
  .withVariable(new sdk.QueryVariableBuilder('route').datasource(prometheusDs).query('label_values(http_requests_total, route)'))
  .withPanel(graph('Up', 'up'));`,
    expected: [
      [
        'metric/unknown',
        1,
        'variable `route`: metric `http_requests_total` is not emitted by the kit, an exporter or a recording rule',
      ],
    ],
  },
  {
    name: 'metric/unknown: a __name__ matcher',
    file: 'dashboards/metric-name-matcher.ts',
    code: `export default dashboard('Metric name matcher')
  .withPanel(graph('Open fds', 'max({__name__="process_open_fd", service="pets"})'));`,
    expected: [
      [
        'metric/unknown',
        2,
        'panel `Open fds` query A: metric `process_open_fd` is not emitted by the kit, an exporter or a recording rule',
      ],
    ],
  },
  {
    name: 'xref/recording-rule: a recorded series nobody records',
    file: 'dashboards/recording-missing.ts',
    code: `export default dashboard('Recording missing')
  .withPanel(graph('Requests', 'sum(service:http_requests:rate5m)'));`,
    expected: [
      [
        'xref/recording-rule',
        2,
        'panel `Requests` query A: uses `service:http_requests:rate5m`, which no recording rule records',
      ],
    ],
  },
  {
    name: 'xref/dashboard-link: a text panel linking a missing dashboard',
    file: 'dashboards/link-text.ts',
    code: `export default dashboard('Link text')
  .withPanel(text('Help', 'See [the pets dashboard](/d/svc-petz) first.'));`,
    expected: [
      [
        'xref/dashboard-link',
        2,
        'links to dashboard `/d/svc-petz`, which the build does not define',
      ],
    ],
  },
  {
    name: 'xref/dashboard-link: a dashboard link to a missing uid',
    file: 'dashboards/link-dashboard.ts',
    code: `export default dashboard('Link dashboard')
  .link(new sdk.DashboardLinkBuilder('Overview').type(sdk.DashboardLinkType.Link).url('/d/vp-overveiw'))
  .withPanel(graph('Up', 'up'));`,
    expected: [
      [
        'xref/dashboard-link',
        1,
        'links to dashboard `/d/vp-overveiw`, which the build does not define',
      ],
    ],
  },
  {
    name: 'xref/alert-dashboard: an alert dashboard_url to a missing uid',
    file: 'alerts/alert-dashboard.ts',
    code: `export default prometheusRuleGroup('alert-dashboard').namespace('alert-dashboard').withRule(
  ok(alertRule('PetsDown').expr('up{service="pets"} == 0')).dashboard('/d/svc-pets'),
);`,
    expected: [
      [
        'xref/alert-dashboard',
        2,
        'links to dashboard `/d/svc-pets`, which the build does not define',
      ],
    ],
  },
];
