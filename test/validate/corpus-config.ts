/** Broken definitions, part 2: alerts, routing, schemas and suppressions. */
import type { BrokenCase } from './fixtures.ts';

const route = (receiver: string, extra = '') =>
  `{ receiver: '${receiver}', group_by: ['alertname'], routes: [{ receiver: 'pets-pager', matchers: ['team="pets"']${extra} }] }`;

export const configCases: BrokenCase[] = [
  {
    name: 'alert/summary-missing',
    file: 'alerts/summary-missing.ts',
    code: `export default prometheusRuleGroup('summary-missing').namespace('summary-missing').withRule(
  alertRule('NoSummary').expr('up == 0').for('5m').severity('critical').runbook('https://runbooks.virtualpet.example/x'),
);`,
    expected: [['alert/summary-missing', 2, 'alert `NoSummary` has no `summary` annotation']],
  },
  {
    name: 'alert/severity-missing: no severity label',
    file: 'alerts/severity-missing.ts',
    code: `export default prometheusRuleGroup('severity-missing').namespace('severity-missing').withRule(
  alertRule('NoSeverity').expr('up == 0').for('5m').summary('Down').runbook('https://runbooks.virtualpet.example/x'),
);`,
    expected: [['alert/severity-missing', 2, 'alert `NoSeverity` has no `severity` label']],
  },
  {
    name: 'alert/severity-missing: a severity routing does not know',
    file: 'alerts/severity-unknown.ts',
    code: `export default prometheusRuleGroup('severity-unknown').namespace('severity-unknown').withRule(
  ok(alertRule('PageMe').expr('up == 0')).labels({ severity: 'page' }),
);`,
    expected: [
      [
        'alert/severity-missing',
        2,
        'alert `PageMe` has severity `page`, which routing does not know',
      ],
    ],
  },
  {
    name: 'alert/runbook-missing',
    file: 'alerts/runbook-missing.ts',
    code: `export default prometheusRuleGroup('runbook-missing').namespace('runbook-missing').withRule(
  alertRule('NoRunbook').expr('up == 0').for('5m').severity('warning').summary('Down'),
);`,
    expected: [['alert/runbook-missing', 2, 'alert `NoRunbook` has no `runbook_url` annotation']],
  },
  {
    name: 'alert/summary-missing and alert/runbook-missing on a Loki alert',
    file: 'alerts/loki-bare.ts',
    code: `export default lokiRuleGroup('loki-bare').namespace('loki-bare').withRule(
  alertRule('ErrorBurst').expr('sum(count_over_time({service="pets"} |= "error" [5m])) > 100').severity('warning'),
);`,
    expected: [
      ['alert/summary-missing', 2, 'alert `ErrorBurst` has no `summary` annotation'],
      ['alert/runbook-missing', 2, 'alert `ErrorBurst` has no `runbook_url` annotation'],
    ],
  },
  {
    name: 'alert/for-too-short: 15s is one scrape interval',
    file: 'alerts/for-short.ts',
    code: `export default prometheusRuleGroup('for-short').namespace('for-short').withRule(
  ok(alertRule('Flappy').expr('up == 0')).for('15s'),
);`,
    expected: [
      [
        'alert/for-too-short',
        2,
        'alert `Flappy` `for: 15s` is shorter than two scrape intervals (30s)',
      ],
    ],
  },
  {
    name: 'alert/for-too-short: no for at all',
    file: 'alerts/for-missing.ts',
    code: `export default prometheusRuleGroup('for-missing').namespace('for-missing').withRule(
  alertRule('Instant').expr('up == 0').severity('warning').summary('Down').runbook('https://runbooks.virtualpet.example/x'),
);`,
    expected: [
      [
        'alert/for-too-short',
        2,
        'alert `Instant` has no `for:`, which is shorter than two scrape intervals (30s)',
      ],
    ],
  },
  {
    name: 'xref/receiver: the root route names a receiver that does not exist',
    file: 'alerts/am-root-receiver.ts',
    code: `export default plainResource({ kind: 'alertmanager-config', target: 'alertmanager', id: 'am-root', body: {
  route: ${route('defualt')},
  receivers: [{ name: 'default' }, { name: 'pets-pager' }],
} });`,
    expected: [['xref/receiver', 1, 'route names receiver `defualt`, which is not defined']],
  },
  {
    name: 'xref/receiver: a child route names a receiver that does not exist',
    file: 'alerts/am-child-receiver.ts',
    code: `export default plainResource({ kind: 'alertmanager-config', target: 'alertmanager', id: 'am-child', body: {
  route: ${route('default')},
  receivers: [{ name: 'default' }],
} });`,
    expected: [['xref/receiver', 1, 'route names receiver `pets-pager`, which is not defined']],
  },
  {
    name: 'xref/mute-timing: a route mutes with an undefined time interval',
    file: 'alerts/am-mute.ts',
    code: `export default plainResource({ kind: 'alertmanager-config', target: 'alertmanager', id: 'am-mute', body: {
  route: ${route('default', ", mute_time_intervals: ['weekends']")},
  receivers: [{ name: 'default' }, { name: 'pets-pager' }],
  time_intervals: [{ name: 'weekend', time_intervals: [{ weekdays: ['saturday:sunday'] }] }],
} });`,
    expected: [
      ['xref/mute-timing', 1, 'route names time interval `weekends`, which is not defined'],
    ],
  },
  {
    name: 'xref/contact-point: a Grafana policy names a missing contact point',
    file: 'alerts/grafana-policy.ts',
    code: `export default [
  plainResource({ kind: 'contact-point', target: 'grafana', id: 'pets-slack', body: { orgId: 1, name: 'pets-slack', receivers: [{ uid: 'pets-slack-1', type: 'slack', settings: { recipient: '#pets' } }] } }),
  plainResource({ kind: 'notification-policy', target: 'grafana', id: 'policy', body: { orgId: 1, receiver: 'pets-slak', group_by: ['alertname'] } }),
];`,
    expected: [
      ['xref/contact-point', 3, 'route names contact point `pets-slak`, which is not defined'],
    ],
  },
  {
    name: 'schema/invalid: a rule group interval that is not a duration',
    file: 'alerts/schema-interval.ts',
    code: `export default prometheusRuleGroup('schema-interval').namespace('schema-interval').interval('5 minutes').withRule(
  ok(alertRule('Down').expr('up == 0')),
);`,
    expected: [
      [
        'schema/invalid',
        1,
        '`interval` is `"5 minutes"`; expected a Prometheus duration such as 30s, 5m, 1h30m or 7d (schemas/prometheus-rules.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: a label name with a dash',
    file: 'alerts/schema-label.ts',
    code: `export default prometheusRuleGroup('schema-label').namespace('schema-label').withRule(
  ok(alertRule('Down').expr('up == 0')).labels({ 'owning-team': 'pets' }),
);`,
    expected: [
      [
        'schema/invalid',
        2,
        '`rules[0].labels` has key `owning-team`; expected a label name: letters, digits and _, not starting with a digit (schemas/prometheus-rules.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: a panel option of the wrong type',
    file: 'dashboards/schema-height.ts',
    code: `export default dashboard('Schema height')
  .withPanel(graph('Up', 'up').transparent('yes'));`,
    expected: [
      [
        'schema/invalid',
        2,
        '`panels[0].transparent` is `"yes"`; expected a boolean (schemas/grafana-dashboard.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: an unknown Alertmanager field',
    file: 'alerts/schema-alertmanager.ts',
    code: `export default plainResource({ kind: 'alertmanager-config', target: 'alertmanager', id: 'am-typo', body: {
  route: { receiver: 'default' },
  receivers: [{ name: 'default' }],
  inhibit_rule: [],
} });`,
    expected: [
      [
        'schema/invalid',
        1,
        'unknown field `inhibit_rule` (schemas/alertmanager-config.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: a datasource access mode Grafana does not have',
    file: 'dashboards/schema-datasource.ts',
    code: `export default plainResource({ kind: 'datasource', target: 'grafana', id: 'vp-prometheus', body: {
  name: 'Prometheus', type: 'prometheus', uid: 'vp-prometheus', access: 'browser', url: 'http://prometheus:9090',
} });`,
    expected: [
      [
        'schema/invalid',
        1,
        '`access` is `"browser"`; expected one of `"proxy"`, `"direct"` (schemas/grafana-datasource.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: a scrape interval that is not a duration',
    file: 'agents/schema-scrape.ts',
    code: `export default plainResource({ kind: 'scrape-config', target: 'prometheus', id: 'prometheus', body: {
  global: { scrape_interval: '15 s' },
  scrape_configs: [{ job_name: 'pets', static_configs: [{ targets: ['pets:8080'] }] }],
} });`,
    expected: [
      [
        'schema/invalid',
        1,
        '`global.scrape_interval` is `"15 s"`; expected a Prometheus duration such as 30s, 5m, 1h30m or 7d (schemas/prometheus-config.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: a Loki retention period that is not a duration',
    file: 'retention/schema-retention.ts',
    code: `export default plainResource({ kind: 'retention-policy', target: 'agent', id: 'loki-broken', body: {
  limits_config: { retention_period: 'forever' },
} });`,
    expected: [
      [
        'schema/invalid',
        1,
        '`limits_config.retention_period` is `"forever"`; expected a Prometheus duration such as 30s, 5m, 1h30m or 7d (schemas/retention.schema.json)',
      ],
    ],
  },
  {
    name: 'schema/invalid: a Promtail config without clients',
    file: 'agents/schema-promtail.ts',
    code: `export default plainResource({ kind: 'agent-config', target: 'agent', id: 'promtail-broken.yaml', body: {
  positions: { filename: '/var/lib/promtail/positions.yaml' },
  scrape_configs: [{ job_name: 'pets' }],
} });`,
    expected: [
      [
        'schema/invalid',
        1,
        'the document is missing required field `clients` (schemas/agent-config.schema.json)',
      ],
    ],
  },
  {
    name: 'suppress/reason-missing: the suppression is an error and suppresses nothing',
    file: 'dashboards/suppress-no-reason.ts',
    code: `export default dashboard('Suppress no reason')
  .withPanel(suppressed(stat('Pets').datasource(prometheusDs).withTarget(promQuery('count(up)')), 'panel/unit-missing', ''));`,
    expected: [
      ['panel/unit-missing', 2, 'panel `Pets` shows numbers but has no unit'],
      ['suppress/reason-missing', 2, 'suppression of `panel/unit-missing` gives no reason'],
    ],
  },
  {
    name: 'suppress/unknown-rule: a misspelt rule id',
    file: 'dashboards/suppress-unknown.ts',
    code: `export default dashboard('Suppress unknown')
  .suppress('panel/unit-mising', 'counts have no unit')
  .withPanel(graph('Up', 'up'));`,
    expected: [
      [
        'suppress/unknown-rule',
        2,
        'suppression names rule `panel/unit-mising`, which does not exist',
      ],
    ],
  },
  {
    name: 'suppress/unused: a suppression that matches nothing',
    file: 'alerts/suppress-unused.ts',
    code: `export default prometheusRuleGroup('suppress-unused').namespace('suppress-unused').withRule(
  ok(alertRule('Down').expr('up == 0')).suppress('alert/for-too-short', 'fires at once on purpose'),
);`,
    expected: [['suppress/unused', 2, 'suppression of `alert/for-too-short` matches no finding']],
  },
  {
    name: 'suppression with a reason: the panel finding is gone',
    file: 'dashboards/suppress-panel.ts',
    code: `export default dashboard('Suppress panel')
  .withPanel(suppressed(stat('Pets').datasource(prometheusDs).withTarget(promQuery('count(up)')), 'panel/unit-missing', 'a plain count of instances'));`,
    expected: [],
  },
  {
    name: 'suppression with a reason on a rule group: the alert finding is gone',
    file: 'alerts/suppress-group.ts',
    code: `export default prometheusRuleGroup('suppress-group').namespace('suppress-group')
  .suppress('alert/for-too-short', 'the watchdog fires at once by design')
  .withRule(alertRule('Watchdog').expr('vector(1)').severity('info').summary('Alerting works').runbook('https://runbooks.virtualpet.example/watchdog'));`,
    expected: [],
  },
];
