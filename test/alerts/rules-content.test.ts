/**
 * What every alert carries, across Prometheus, Loki and Grafana-managed rules; LogQL and PromQL
 * that parse; and the Grafana rule group in both of its formats, describing the same rules.
 */
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import type { Resource } from '../../src/model/resource.ts';
import type { GrafanaRuleCore, RuleGroupBody } from '../../src/builders/index.ts';
import { buildAlerting, type AlertingBuild } from './lib/build.ts';

let built: AlertingBuild;
const ofKind = (kind: Resource['kind']) => built.result.resources.filter((r) => r.kind === kind);

beforeAll(async () => {
  built = await buildAlerting();
});
afterAll(() => built?.remove());

/** Where the parser found an error in `query`, or undefined. */
function syntaxError(parser: typeof logqlParser, query: string): string | undefined {
  let found: string | undefined;
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError && !found)
        found = `error at ${node.from}: ${query.slice(node.from, node.from + 30)}`;
    },
  });
  return found;
}

interface AnyAlert {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

function everyAlert(): AnyAlert[] {
  const ruleAlerts = [...ofKind('prometheus-rule-group'), ...ofKind('loki-rule-group')].flatMap(
    (r) =>
      (r.body as RuleGroupBody).rules
        .filter((rule) => rule.alert)
        .map((rule) => ({
          name: rule.alert!,
          labels: rule.labels ?? {},
          annotations: rule.annotations ?? {},
        })),
  );
  const grafanaAlerts = ofKind('grafana-rule-group-api').flatMap((r) =>
    (r.body as { rules: GrafanaRuleCore[] }).rules.map((rule) => ({
      name: rule.title,
      labels: rule.labels,
      annotations: rule.annotations,
    })),
  );
  return [...ruleAlerts, ...grafanaAlerts];
}

describe('every alert', () => {
  it('carries summary, description, severity, team, runbook_url and dashboard_url', () => {
    const alerts = everyAlert();
    expect(alerts.length).toBeGreaterThan(100);
    const teams = catalog.teams.map((t) => t.name);
    const problems = alerts.flatMap((a) => {
      const missing = ['summary', 'description', 'runbook_url', 'dashboard_url'].filter(
        (k) => !a.annotations[k],
      );
      if (!['critical', 'warning', 'info'].includes(a.labels.severity ?? ''))
        missing.push('severity');
      if (!teams.includes(a.labels.team ?? '')) missing.push('team');
      if (
        !/^https:\/\/runbooks\.virtualpet\.example\/[a-z-]+$/.test(a.annotations.runbook_url ?? '')
      )
        missing.push('runbook_url form');
      if (!/^\/d\/[a-z0-9-]+$/.test(a.annotations.dashboard_url ?? ''))
        missing.push('dashboard_url form');
      return missing.length ? [`${a.name}: ${missing.join(', ')}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('Loki rules', () => {
  it('every expression parses as LogQL', () => {
    const groups = ofKind('loki-rule-group');
    expect(groups.length).toBeGreaterThan(0);
    const errors = groups.flatMap((g) =>
      (g.body as RuleGroupBody).rules.flatMap((rule) => {
        const error = syntaxError(logqlParser, rule.expr);
        return error ? [`${rule.alert}: ${error}`] : [];
      }),
    );
    expect(errors).toEqual([]);
  });

  it('every service has an error-rate and a fatal-pattern alert; consumers a crash-loop one', () => {
    const rules = ofKind('loki-rule-group').flatMap((g) => (g.body as RuleGroupBody).rules);
    for (const service of catalog.services) {
      const names = rules.filter((r) => r.labels?.service === service.name).map((r) => r.alert);
      const expected = ['ServiceErrorLogsAboveNormal', 'ServiceUnhandledException'];
      if (service.kind === 'kafka-consumer') expected.push('ConsumerCrashLoop');
      expect(names.sort(), service.name).toEqual(expected.sort());
    }
  });
});

describe('Grafana-managed rules', () => {
  const groups = () => ({
    file: ofKind('grafana-rule-group'),
    api: ofKind('grafana-rule-group-api'),
  });

  it('come in the file format and the API model, with the same rules', () => {
    const { file, api } = groups();
    expect(file.map((r) => r.id)).toEqual(api.map((r) => r.id));
    const fileBody = file[0]!.body as {
      apiVersion: number;
      groups: { folder: string; interval: string; name: string; rules: GrafanaRuleCore[] }[];
    };
    const apiBody = api[0]!.body as {
      title: string;
      folderUid: string;
      interval: number;
      rules: (GrafanaRuleCore & { folderUID: string; ruleGroup: string; orgID: number })[];
    };
    expect(fileBody.apiVersion).toBe(1);
    expect(fileBody.groups[0]!.interval).toBe('1m');
    expect(apiBody.interval).toBe(60);
    expect(apiBody.folderUid).toBe('virtual-pet-alerts');
    expect(fileBody.groups[0]!.folder).toBe('Virtual Pet alerts');
    expect(apiBody.rules.map((r) => r.uid)).toEqual(fileBody.groups[0]!.rules.map((r) => r.uid));
    for (const rule of apiBody.rules) {
      expect(rule).toMatchObject({
        folderUID: 'virtual-pet-alerts',
        ruleGroup: apiBody.title,
        orgID: 1,
      });
      expect(rule.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    }
  });

  it('each combines a Loki and a Prometheus query, with deliberate no-data and error states', () => {
    const api = groups().api[0]!.body as { rules: GrafanaRuleCore[] };
    const expectedRules = catalog.services.filter((s) => s.kind !== 'worker').length;
    expect(api.rules).toHaveLength(expectedRules);
    for (const rule of api.rules) {
      const sources = rule.data.map((d) => d.datasourceUid);
      expect(sources, rule.title).toEqual(
        expect.arrayContaining(['vp-loki', 'vp-prometheus', '__expr__']),
      );
      expect(rule.data.map((d) => d.refId)).toContain(rule.condition);
      expect(['OK', 'NoData', 'Alerting', 'KeepLast']).toContain(rule.noDataState);
      expect(['OK', 'Error', 'Alerting', 'KeepLast']).toContain(rule.execErrState);
      for (const query of rule.data) {
        const expr = query.model.expr as string | undefined;
        if (!expr) continue;
        const parser = query.datasourceUid === 'vp-loki' ? logqlParser : promqlParser;
        expect(
          syntaxError(parser as typeof logqlParser, expr),
          `${rule.title} ${query.refId}`,
        ).toBeUndefined();
      }
    }
  });
});
