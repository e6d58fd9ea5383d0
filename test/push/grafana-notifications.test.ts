/**
 * Push Grafana contact points, mute timings and the policy tree to the emulator's provisioning
 * API: in dependency order, secrets expanded from the environment but never shown, no write when
 * nothing changed (Grafana redacts secrets on read), a hand-made tree blocked without --adopt,
 * prune limited to what carries our prefix, a missing secret variable stopping before any request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { ConfigError } from '../../src/push/errors.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { GrafanaEmulator } from '../emulators/grafana.ts';
import { testEnvironment } from './fixtures.ts';

const secret = 'pd-key-7f3a9c11e5';
const at = { file: 'test/push/grafana-notifications.test.ts', line: 1, column: 1 };
const resource = (kind: Resource['kind'], id: string, body: unknown): Resource => ({
  kind,
  target: 'grafana',
  id,
  title: id,
  body,
  source: at,
  placement: {},
});
const point = (name: string, type: string, settings: object) =>
  resource('contact-point', name, {
    orgId: 1,
    name,
    receivers: [{ uid: name, type, settings, disableResolveMessage: false }],
  });
const tree = (withMute = true) =>
  resource('notification-policy', 'policies', {
    orgId: 1,
    receiver: 'team-tickets',
    group_by: ['alertname', 'service'],
    group_wait: '30s',
    routes: [
      {
        receiver: 'team-pager',
        object_matchers: [['severity', '=', 'critical']],
        repeat_interval: '60m',
        ...(withMute ? { mute_time_intervals: ['weekly-patching'] } : {}),
      },
    ],
  });
const mute = resource('mute-timing', 'weekly-patching', {
  orgId: 1,
  name: 'weekly-patching',
  time_intervals: [{ times: [{ start_time: '02:00', end_time: '04:00' }], weekdays: ['tuesday'] }],
});
const local = () => [
  point('team-pager', 'pagerduty', { integrationKey: '${TEST_PD_KEY}' }),
  point('team-tickets', 'webhook', { url: 'http://hook.example/' }),
  mute,
  tree(),
];

let grafana: GrafanaEmulator;
let environment: Environment;
const run = (resources: Resource[], options: Partial<PushOptions> = {}) =>
  push({
    environment,
    resources,
    processEnv: { TEST_PD_KEY: secret },
    policy: { baseDelayMs: 5 },
    ...options,
  });

describe('push Grafana notification resources to the emulator', () => {
  beforeEach(async () => {
    grafana = await new GrafanaEmulator().start();
    environment = testEnvironment({ grafana: { url: grafana.url, auth: { type: 'none' } } });
  });
  afterEach(async () => {
    grafana.assertExpectationsMet();
    await grafana.stop();
  });

  it('writes contact points, then mute timings, then the tree; then nothing', async () => {
    const first = await run(local());
    expect(first.failed).toEqual([]);
    const writes = grafana.writes().map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual([
      'POST /api/v1/provisioning/contact-points',
      'POST /api/v1/provisioning/contact-points',
      'POST /api/v1/provisioning/mute-timings',
      'PUT /api/v1/provisioning/policies',
    ]);
    const stored = grafana.alerting.contactPoints.get('obs-team-pager');
    expect(stored?.settings).toEqual({ integrationKey: secret });
    expect(grafana.alerting.policies.routes?.[0]?.mute_time_intervals).toEqual([
      'obs-weekly-patching',
    ]);
    expect(JSON.stringify(first)).not.toContain(secret);

    const second = await run(local());
    expect(second.summary).toMatchObject({ create: 0, update: 0, unchanged: 4 });
    expect(second.stats.writes).toBe(0);
  });

  it('blocks a policy tree made by hand unless --adopt', async () => {
    await run(local());
    grafana.alerting.policies = {
      receiver: 'grafana-default-email',
      routes: [{ receiver: 'grafana-default-email' }],
    };
    grafana.reset();
    grafana.expect('PUT', '/api/v1/provisioning/policies', { count: 1 });
    const blocked = await run(local());
    expect(blocked.failed).toEqual([
      expect.objectContaining({ kind: 'policy-tree', action: 'blocked' }),
    ]);
    const adopted = await run(local(), { adopt: true });
    expect(adopted.applied).toEqual([
      expect.objectContaining({ kind: 'policy-tree', action: 'update' }),
    ]);
  });

  it('prunes a removed mute timing after the tree stops using it, and keeps the default contact point', async () => {
    await run(local());
    grafana.reset();
    grafana
      .expect('DELETE', '/api/v1/provisioning/mute-timings/obs-weekly-patching', { count: 1 })
      .expect('DELETE', /contact-points/, { count: 0 });
    const withoutMute = [...local().slice(0, 2), tree(false)];
    const report = await run(withoutMute, { prune: true });
    expect(report.failed).toEqual([]);
    expect(report.applied.map((o) => `${o.action} ${o.kind}`)).toEqual([
      'update policy-tree',
      'delete mute-timing',
    ]);
    expect([...grafana.alerting.contactPoints.keys()].sort()).toEqual([
      'default-email',
      'obs-team-pager',
      'obs-team-tickets',
    ]);
  });

  it('stops before any request when a secret variable is missing', async () => {
    const error = await push({ environment, resources: local(), processEnv: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'contact point `team-pager` (test/push/grafana-notifications.test.ts:1:1): environment variable TEST_PD_KEY is not set',
    ]);
    expect(grafana.requests).toEqual([]);
  });
});
