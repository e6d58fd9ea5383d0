/**
 * Push to the Grafana emulator: folders and dashboards created, a second push with no write,
 * one change → one write, prune limited to what we own, version conflicts, faults and retries,
 * partial failure that converges on the next run. Every test checks its emulator expectations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { GrafanaEmulator } from '../emulators/grafana.ts';
import { dashboardResource, testEnvironment } from './fixtures.ts';

let grafana: GrafanaEmulator;
let environment: Environment;

const run = (resources: Resource[], options: Partial<PushOptions> = {}) =>
  push({
    environment,
    resources,
    policy: { baseDelayMs: 10, timeoutMs: 2000 },
    ...options,
  });
const local = [
  dashboardResource('svc-a'),
  dashboardResource('svc-b'),
  dashboardResource('ops', 'Ops'),
];

async function start(flavour: 'classic' | 'k8s-shim' = 'classic') {
  grafana = await new GrafanaEmulator({ token: 'glsa_test', flavour }).start();
  environment = testEnvironment({
    grafana: { url: grafana.url, auth: { type: 'bearer', tokenEnv: 'TEST_GRAFANA_TOKEN' } },
    maxDeletes: 5,
  });
  process.env.TEST_GRAFANA_TOKEN = 'glsa_test';
}

describe('push to the Grafana emulator', () => {
  beforeEach(() => start());
  afterEach(async () => {
    grafana.assertExpectationsMet();
    await grafana.stop();
  });

  it('creates folders before dashboards, then a second push writes nothing', async () => {
    grafana
      .expect('POST', '/api/folders', { count: 2 })
      .expect('POST', '/api/dashboards/db', { count: 3 });
    const first = await run(local);
    expect(first.failed).toEqual([]);
    expect(first.applied.map((o) => `${o.action} ${o.kind} ${o.key}`)).toEqual([
      'create folder obs-ops',
      'create folder obs-services',
      'create dashboard ops',
      'create dashboard svc-a',
      'create dashboard svc-b',
    ]);
    const order = grafana.writes().map((r) => r.path);
    expect(order.lastIndexOf('/api/folders')).toBeLessThan(order.indexOf('/api/dashboards/db'));
    expect(grafana.dashboards.get('svc-a')?.folderUid).toBe('obs-services');
    expect(grafana.dashboards.get('svc-a')?.model.tags).toContain('managed-by-obs');

    const before = grafana.requests.length;
    const second = await run(local);
    expect(second.summary).toMatchObject({ create: 0, update: 0, delete: 0, unchanged: 5 });
    expect(second.stats.writes).toBe(0);
    expect(grafana.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('changes exactly one dashboard when one changed, sending the live version', async () => {
    await run(local);
    grafana.reset();
    grafana.expect('POST', '/api/dashboards/db', { count: 1 });
    const changed = [dashboardResource('svc-a', 'Services', 'v2'), ...local.slice(1)];

    const plan = await run(changed, { dryRun: true });
    expect(plan.summary).toMatchObject({ update: 1, unchanged: 4 });
    const item = plan.items.find((i) => i.action === 'update')!;
    expect(item.diff).toContain('-      title: Requests v1');
    expect(item.diff).toContain('+      title: Requests v2');
    expect(item.diff).toMatch(/^--- live\/dashboard\/svc-a/m);

    const report = await run(changed);
    expect(report.applied).toEqual([
      { target: 'grafana', kind: 'dashboard', key: 'svc-a', action: 'update' },
    ]);
    const sent = JSON.parse(grafana.writes()[0]!.body) as {
      dashboard: { version: number };
      overwrite: boolean;
    };
    expect(sent).toMatchObject({ overwrite: false, dashboard: { version: 1 } });
    expect(grafana.dashboards.get('svc-a')?.version).toBe(2);
  });

  it('prunes only managed dashboards and keeps a folder that holds unmanaged ones', async () => {
    await run(local);
    grafana.seedDashboard({ uid: 'hand-made', title: 'Hand made', tags: [] }, 'obs-ops');
    grafana.seedDashboard({ uid: 'root-hand-made', title: 'Root', tags: ['virtual-pet'] });
    grafana.reset();
    grafana
      .expect('DELETE', '/api/dashboards/uid/ops', { count: 1 })
      .expect('DELETE', /^\/api\/folders\//, { count: 0 });

    const report = await run(local.slice(0, 2), { prune: true });
    expect(report.failed).toEqual([]);
    expect(report.applied).toEqual([
      { target: 'grafana', kind: 'dashboard', key: 'ops', action: 'delete' },
    ]);
    expect([...grafana.dashboards.keys()].sort()).toEqual([
      'hand-made',
      'root-hand-made',
      'svc-a',
      'svc-b',
    ]);
    expect(grafana.folders.has('obs-ops')).toBe(true);
  });

  it('without --prune deletes nothing', async () => {
    await run(local);
    grafana.reset();
    grafana.expect('DELETE', /.*/, { count: 0 });
    const report = await run(local.slice(0, 1));
    expect(report.summary.delete).toBe(0);
    expect(grafana.dashboards.has('ops')).toBe(true);
  });

  it('refuses to delete more than maxDeletes without --allow-mass-delete', async () => {
    environment.maxDeletes = 1;
    await run(local);
    grafana.reset();
    grafana.expect('DELETE', /.*/, { count: 0 });
    const refused = await run([], { prune: true, targets: ['grafana'] });
    expect(refused.refused).toMatch(
      /refusing to delete 5 objects.*maxDeletes.*--allow-mass-delete/,
    );
    expect(refused.stats.writes).toBe(0);

    grafana.reset();
    grafana.expect('DELETE', /.*/, { count: 5 });
    const allowed = await run([], { prune: true, allowMassDelete: true, targets: ['grafana'] });
    expect(allowed.failed).toEqual([]);
    expect(grafana.dashboards.size + grafana.folders.size).toBe(0);
  });

  it('blocks a dashboard that exists without our tag, and --adopt takes it over', async () => {
    grafana.seedDashboard({ uid: 'svc-a', title: 'Someone else', tags: [] });
    grafana.expect('POST', '/api/dashboards/db', { count: 1 }); // only the adopting push writes
    const blocked = await run(local.slice(0, 1));
    expect(blocked.failed).toEqual([
      expect.objectContaining({
        key: 'svc-a',
        action: 'blocked',
        error: expect.stringMatching(/not managed/),
      }),
    ]);
    expect(grafana.dashboards.get('svc-a')?.model.title).toBe('Someone else');

    const adopted = await run(local.slice(0, 1), { adopt: true });
    expect(adopted.failed).toEqual([]);
    expect(grafana.dashboards.get('svc-a')?.model.tags).toContain('managed-by-obs');
  });

  it('retries 500, 429 with Retry-After, a dropped connection and a slow answer', async () => {
    grafana
      .inject({ method: 'GET', path: '/api/search', fault: { type: 'drop' } })
      .inject({
        method: 'POST',
        path: '/api/folders',
        fault: { type: 'status', status: 500, body: { message: 'Internal Server Error' } },
      })
      .inject({
        method: 'POST',
        path: '/api/dashboards/db',
        fault: { type: 'status', status: 429, body: 'slow down', headers: { 'Retry-After': '1' } },
      })
      .inject({ method: 'GET', path: '/api/folders', fault: { type: 'delay', ms: 800 } });
    const started = Date.now();
    const report = await run(local, { policy: { baseDelayMs: 10, timeoutMs: 400 } });
    expect(report.failed).toEqual([]);
    expect(report.applied).toHaveLength(5);
    expect(report.stats.retries).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After: 1 was honoured
  });

  it('keeps at most --concurrency requests in flight', async () => {
    const many = Array.from({ length: 12 }, (_, i) => dashboardResource(`d${i}`));
    grafana.inject({
      method: 'POST',
      path: '/api/dashboards/db',
      times: 12,
      fault: { type: 'delay', ms: 50 },
    });
    const report = await run(many, { concurrency: 3 });
    expect(report.failed).toEqual([]);
    expect(grafana.maxInFlight).toBe(3);
  });

  it('re-reads the version and writes again after a 412 version-mismatch', async () => {
    await run(local);
    grafana.reset();
    grafana
      .inject({
        method: 'POST',
        path: '/api/dashboards/db',
        fault: {
          type: 'status',
          status: 412,
          body: {
            status: 'version-mismatch',
            message: 'The dashboard has been changed by someone else',
          },
        },
      })
      .expect('GET', '/api/dashboards/uid/svc-a', { count: 3 }); // plan, re-read after 412, verify
    const report = await run([dashboardResource('svc-a', 'Services', 'v3'), ...local.slice(1)]);
    expect(report.failed).toEqual([]);
    expect(report.applied).toHaveLength(1);
  });

  it('lists exactly what was applied and what failed, and the next run converges', async () => {
    grafana.inject({
      method: 'POST',
      path: '/api/dashboards/db',
      times: 1,
      fault: { type: 'status', status: 400, body: { message: 'bad dashboard' } },
    });
    const first = await run(local, { concurrency: 1 });
    expect(first.applied).toHaveLength(4);
    expect(first.failed).toEqual([
      {
        target: 'grafana',
        kind: 'dashboard',
        key: 'ops',
        action: 'create',
        error: expect.stringContaining('400'),
      },
    ]);
    const second = await run(local);
    expect(second.failed).toEqual([]);
    expect(second.applied).toEqual([
      { target: 'grafana', kind: 'dashboard', key: 'ops', action: 'create' },
    ]);
    const third = await run(local);
    expect(third.stats.writes).toBe(0);
  });

  it('reports a dashboard whose save was answered but did not take', async () => {
    grafana.losesSavesOf.add('svc-b');
    const report = await run(local);
    expect(report.failed).toEqual([
      expect.objectContaining({
        key: 'svc-b',
        error: expect.stringMatching(/^read back failed: read back gave 404/),
      }),
    ]);
    expect(report.applied.map((o) => o.key)).not.toContain('svc-b');
  });
});

describe('push to the Grafana emulator in its k8s-shim flavour', () => {
  beforeEach(() => start('k8s-shim'));
  afterEach(async () => {
    grafana.assertExpectationsMet();
    await grafana.stop();
  });

  it('treats 409 like 412: re-reads the version and writes again', async () => {
    await run(local);
    grafana.reset();
    grafana.inject({
      method: 'POST',
      path: '/api/dashboards/db',
      fault: {
        type: 'status',
        status: 409,
        body: { message: 'Dashboard already exists. Use overwrite flag to update.' },
      },
    });
    const report = await run([dashboardResource('ops', 'Ops', 'v9'), ...local.slice(0, 2)]);
    expect(report.failed).toEqual([]);
    expect(grafana.dashboards.get('ops')?.version).toBe(2);
  });
});
