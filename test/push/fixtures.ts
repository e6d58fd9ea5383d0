/**
 * Fixtures for push tests: an environment pointing at test servers, and small resources built
 * without definition files (so each test states exactly what is local).
 */
import type { RuleBody, RuleGroupBody } from '../../src/builders/rules.ts';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource, ResourceKind, Target } from '../../src/model/resource.ts';

const none = { type: 'none' } as const;
const at = { file: 'test/push/fixtures.ts', line: 1, column: 1 };

/** An environment whose targets point at the given URLs (unused ones at a closed port). */
export function testEnvironment(overrides: Partial<Environment> = {}): Environment {
  const closed = 'http://127.0.0.1:9';
  return {
    name: 'test',
    grafana: { url: closed, auth: none },
    prometheus: { mode: 'ruler', url: closed, auth: none, tenant: 'team-a' },
    loki: { mode: 'ruler', url: closed, auth: none, tenant: 'team-a' },
    alertmanager: { mode: 'files', url: closed, auth: none, configFile: 'am.yml' },
    maxDeletes: 20,
    ...overrides,
  };
}

/** A dashboard resource with one panel whose title carries `variant`. */
export function dashboardResource(uid: string, folder = 'Services', variant = 'v1'): Resource {
  return {
    kind: 'dashboard',
    target: 'grafana',
    id: uid,
    title: `Dashboard ${uid}`,
    body: {
      title: `Dashboard ${uid}`,
      uid,
      tags: ['virtual-pet'],
      schemaVersion: 42,
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: `Requests ${variant}`,
          gridPos: { h: 8, w: 12, x: 0, y: 0 },
        },
      ],
      time: { from: 'now-6h', to: 'now' },
    },
    source: at,
    placement: { folder },
  };
}

/** A rule group resource for Prometheus or Loki. */
export function ruleGroupResource(
  kind: Extract<ResourceKind, 'prometheus-rule-group' | 'loki-rule-group'>,
  namespace: string,
  name: string,
  rules: RuleBody[],
  interval?: string,
): Resource<RuleGroupBody> {
  const target: Target = kind === 'loki-rule-group' ? 'loki' : 'prometheus';
  return {
    kind,
    target,
    id: `${namespace}/${name}`,
    title: name,
    body: { name, ...(interval ? { interval } : {}), rules },
    source: at,
    placement: { namespace },
  };
}

/** A recording rule whose expression is `sum(up) * factor`. */
export function recordRule(name: string, factor = 1): RuleBody {
  return { record: name, expr: `sum(up) * ${factor}` };
}

/** An alerting rule on `up`. */
export function alertOnUp(name: string, forDuration = '1m'): RuleBody {
  return { alert: name, expr: 'up == 0', for: forDuration, labels: { severity: 'warning' } };
}

/** An Alertmanager config resource. */
export function alertmanagerResource(config: object): Resource {
  return {
    kind: 'alertmanager-config',
    target: 'alertmanager',
    id: 'alertmanager',
    title: 'alertmanager',
    body: config,
    source: at,
    placement: {},
  };
}
