/**
 * Push Grafana-managed alert rule groups to the Grafana emulator's provisioning API: the group's
 * folder first, one PUT per group, provenance `api` and never the X-Disable-Provenance header, no
 * write when nothing changed although the server fills ids and defaults, one PUT for one changed
 * rule, prune limited to groups whose rules carry our annotation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grafanaRule, grafanaRuleGroup } from '../../src/builders/alerting/grafana-rules.ts';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { GrafanaEmulator } from '../emulators/grafana.ts';
import { testEnvironment } from './fixtures.ts';

let grafana: GrafanaEmulator;
let environment: Environment;

const run = (resources: Resource[], options: Partial<PushOptions> = {}) =>
  push({ environment, resources, policy: { baseDelayMs: 5 }, ...options });

function group(name: string, threshold = 1, interval = '1m'): Resource[] {
  const rule = (title: string) =>
    grafanaRule(title)
      .prometheus('A', 'vp-prometheus', 'sum(up)')
      .threshold('C', 'A', 'lt', threshold)
      .noDataState('NoData')
      .execErrState('Error')
      .for('300s')
      .severity('warning');
  return grafanaRuleGroup(name)
    .folder('Alerts')
    .interval(interval)
    .withRules([rule(`${name} down`), rule(`${name} degraded`)])
    .toResources();
}

describe('push Grafana rule groups to the emulator', () => {
  beforeEach(async () => {
    grafana = await new GrafanaEmulator().start();
    environment = testEnvironment({ grafana: { url: grafana.url, auth: { type: 'none' } } });
  });
  afterEach(async () => {
    grafana.assertExpectationsMet();
    await grafana.stop();
  });

  const groupPath = (name: string) => `/api/v1/provisioning/folder/obs-alerts/rule-groups/${name}`;

  it('creates the folder, then one PUT per group, with provenance api', async () => {
    grafana
      .expect('POST', '/api/folders', { count: 1 })
      .expect('PUT', groupPath('pets'), { count: 1 });
    const report = await run([...group('pets'), ...group('users')]);
    expect(report.failed).toEqual([]);
    expect(report.applied.map((o) => `${o.kind} ${o.key}`)).toEqual([
      'folder obs-alerts',
      'rule-group obs-alerts/pets',
      'rule-group obs-alerts/users',
    ]);
    expect(report.notPushed).toEqual({});
    const rules = grafana.alerting.groupRules('obs-alerts', 'pets');
    expect(
      rules.map((r) => [r.uid, r.provenance, (r.annotations as Record<string, string>).managed_by]),
    ).toEqual([
      ['pets-down', 'api', 'obs'],
      ['pets-degraded', 'api', 'obs'],
    ]);
    expect(grafana.requests.some((r) => 'x-disable-provenance' in r.headers)).toBe(false);

    const again = await run([...group('pets'), ...group('users')]);
    expect(again.summary).toMatchObject({ unchanged: 3, create: 0, update: 0 });
    expect(again.stats.writes).toBe(0);
  });

  it('replaces exactly the group whose rule changed', async () => {
    await run([...group('pets'), ...group('users')]);
    grafana.reset();
    grafana.expect('PUT', /.*/, { count: 1 }).expect('PUT', groupPath('users'), { count: 1 });
    const report = await run([...group('pets'), ...group('users', 2)]);
    expect(report.applied).toEqual([
      { target: 'grafana', kind: 'rule-group', key: 'obs-alerts/users', action: 'update' },
    ]);
    expect(report.items.find((i) => i.action === 'update')?.diff).toMatch(/-\s+- 1\n\+\s+- 2/);
  });

  it('prunes our group, keeps one made by hand in the same folder, and blocks a clash', async () => {
    await run([...group('pets'), ...group('users')]);
    grafana.alerting.rules.set('hand', {
      uid: 'hand',
      title: 'Hand made',
      folderUID: 'obs-alerts',
      ruleGroup: 'hand',
      provenance: '',
      annotations: {},
    });
    grafana.alerting.rules.set('clash', {
      uid: 'clash',
      title: 'Clash',
      folderUID: 'obs-alerts',
      ruleGroup: 'clash',
      provenance: '',
      annotations: {},
    });
    grafana.reset();
    grafana.expect('DELETE', groupPath('users'), { count: 1 }).expect('DELETE', /.*/, { count: 1 });
    const report = await run([...group('pets'), ...group('clash')], { prune: true });
    expect(report.applied).toEqual([
      { target: 'grafana', kind: 'rule-group', key: 'obs-alerts/users', action: 'delete' },
    ]);
    expect(report.failed).toEqual([
      expect.objectContaining({ key: 'obs-alerts/clash', action: 'blocked' }),
    ]);
    expect([...grafana.alerting.rules.keys()].sort()).toEqual([
      'clash',
      'hand',
      'pets-degraded',
      'pets-down',
    ]);
  });

  it('retries a 500 and reports a 400 for an interval Grafana refuses', async () => {
    grafana.inject({
      method: 'PUT',
      path: groupPath('pets'),
      fault: { type: 'status', status: 500, body: {} },
    });
    const broken = group('odd').map((r) =>
      r.kind === 'grafana-rule-group-api'
        ? { ...r, body: { ...(r.body as object), interval: 15 } }
        : r,
    );
    const report = await run([...group('pets'), ...broken]);
    expect(report.applied.map((o) => o.key)).toEqual(['obs-alerts', 'obs-alerts/pets']);
    expect(report.failed).toEqual([
      expect.objectContaining({
        key: 'obs-alerts/odd',
        error: expect.stringContaining('divided exactly by scheduler interval: 10'),
      }),
    ]);
  });
});
