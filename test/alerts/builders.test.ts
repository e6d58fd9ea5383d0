/** The alerting builders on their own: errors that name the value, and the test variant. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import {
  alertRule,
  expandLabels,
  grafanaRule,
  grafanaRuleGroup,
  promtoolTest,
  prometheusRuleGroup,
  routingPlan,
  unitCase,
} from '../../src/builders/index.ts';
import { platformAlertmanagerConfig } from '../../alerts/lib/routing.ts';

describe('expandLabels', () => {
  it.each([
    ['{{ $labels.service }} is down', { service: 'pets' }, 'pets is down'],
    ['{{$labels.instance}} / {{ $labels.missing }}!', { instance: 'a:1' }, 'a:1 / !'],
    ['no template', {}, 'no template'],
  ])('%s', (text, labels, expected) => {
    expect(expandLabels(text, labels)).toBe(expected);
  });

  it('refuses $value, which a unit test cannot predict', () => {
    expect(() => expandLabels('at {{ $value }}', {})).toThrow(/`\{\{ \$value \}\}`.*\$labels/);
  });
});

describe('promtool test builder', () => {
  it('derives the expected alert from the rule: labels, alertname-free, expanded annotations', () => {
    const rule = alertRule('Down')
      .expr('up == 0')
      .labels({ team: 'pets', severity: 'critical' })
      .summary('{{ $labels.service }} down');
    const group = prometheusRuleGroup('g').namespace('ns').withRule(rule);
    const test = promtoolTest('t')
      .ruleGroups([group])
      .withCase(
        unitCase('c')
          .series('up{service="pets"}', '0x5')
          .expectAlert('5m', rule, { service: 'pets' }),
      )
      .toResources()[0]!;
    expect(test.kind).toBe('promtool-test');
    expect(test.body).toEqual({
      rule_files: ['../rules/ns.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          name: 'c',
          interval: '1m',
          input_series: [{ series: 'up{service="pets"}', values: '0x5' }],
          alert_rule_test: [
            {
              eval_time: '5m',
              alertname: 'Down',
              exp_alerts: [
                {
                  exp_labels: { service: 'pets', severity: 'critical', team: 'pets' },
                  exp_annotations: { summary: 'pets down' },
                },
              ],
            },
          ],
        },
      ],
    });
  });
});

describe('Grafana rule builder', () => {
  const complete = () =>
    grafanaRule('Errors').prometheus('A', 'prom', 'up').threshold('B', 'A', 'gt', 0);

  it('requires no-data and error states to be chosen', () => {
    const group = grafanaRuleGroup('g').withRules([complete()]);
    expect(() => group.toResources()).toThrow(/Grafana rule "Errors".*noDataState.*execErrState/);
  });

  it('refuses an interval that is not a multiple of 10s, naming it', () => {
    const rule = complete().noDataState('OK').execErrState('Error');
    const group = grafanaRuleGroup('g').interval('15s').withRules([rule]);
    expect(() => group.toResources()).toThrow(
      /"g": interval `15s` must be a positive multiple of 10s/,
    );
  });
});

describe('routing plan', () => {
  it('names the unknown default team and the known ones', () => {
    expect(() => routingPlan(catalog, { defaultTeam: 'ops' })).toThrow(
      /default team `ops` is not in the catalog \(platform, pets, engagement\)/,
    );
  });

  it('the webhook variant keeps the tree and replaces every channel', () => {
    const real = platformAlertmanagerConfig();
    const variant = platformAlertmanagerConfig({
      webhookUrls: (name) => `http://127.0.0.1:1/${name}`,
    });
    expect(variant.route.routes).toEqual(real.route.routes);
    expect(variant.inhibit_rules).toEqual(real.inhibit_rules);
    expect(variant.receivers.map((r) => r.name)).toEqual(real.receivers.map((r) => r.name));
    for (const receiver of variant.receivers) {
      expect(Object.keys(receiver).sort()).toEqual(['name', 'webhook_configs']);
      expect(receiver.webhook_configs).toEqual([
        { url: `http://127.0.0.1:1/${String(receiver.name)}`, send_resolved: true },
      ]);
    }
  });
});
