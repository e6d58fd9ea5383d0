/**
 * Push the Alertmanager config to the Mimir Alertmanager emulator: one POST with the tenant, our
 * marker kept in the stored text, no write when nothing changed, a hand-made config blocked
 * without --adopt, faults retried, a config Mimir refuses reported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { MimirAlertmanagerEmulator } from '../emulators/mimir-alertmanager.ts';
import { alertmanagerResource, testEnvironment } from './fixtures.ts';

let mimir: MimirAlertmanagerEmulator;
let environment: Environment;
const run = (resources: Resource[], options: Partial<PushOptions> = {}) =>
  push({ environment, resources, policy: { baseDelayMs: 5 }, ...options });
const config = (repeat: string, receiver = 'team') =>
  alertmanagerResource({
    route: { receiver, repeat_interval: repeat },
    receivers: [{ name: 'team', webhook_configs: [{ url: 'http://hook.example/' }] }],
  });

describe('push to the Mimir Alertmanager emulator', () => {
  beforeEach(async () => {
    mimir = await new MimirAlertmanagerEmulator().start();
    const target = {
      mode: 'mimir' as const,
      url: mimir.url,
      auth: { type: 'none' as const },
      tenant: 'pets',
    };
    environment = testEnvironment({ alertmanager: target });
  });
  afterEach(async () => {
    mimir.assertExpectationsMet();
    await mimir.stop();
  });

  it('stores the config for the tenant, then writes nothing when unchanged', async () => {
    mimir.expect('POST', '/api/v1/alerts', { count: 1 });
    const first = await run([config('4h')]);
    expect(first.failed).toEqual([]);
    expect(first.applied).toEqual([
      { target: 'alertmanager', kind: 'config', key: 'tenant pets', action: 'create' },
    ]);
    expect(mimir.configs.get('pets')?.alertmanager_config).toMatch(/^# managed-by: /);
    expect(mimir.requests.every((r) => r.headers['x-scope-orgid'] === 'pets')).toBe(true);

    const second = await run([config('240m')]);
    expect(second.summary).toMatchObject({ unchanged: 1 });
    expect(second.stats.writes).toBe(0);
  });

  it('blocks a config made by hand unless --adopt', async () => {
    mimir.configs.set('pets', {
      template_files: {},
      alertmanager_config: 'route:\n  receiver: x\nreceivers:\n  - name: x\n',
    });
    mimir.expect('POST', '/api/v1/alerts', { count: 1 });
    const blocked = await run([config('4h')]);
    expect(blocked.failed).toEqual([expect.objectContaining({ action: 'blocked' })]);
    const adopted = await run([config('4h')], { adopt: true });
    expect(adopted.applied).toEqual([expect.objectContaining({ action: 'update' })]);
  });

  it('retries 429 and a dropped connection, and reports a refused config', async () => {
    mimir.inject({ method: 'GET', path: '/api/v1/alerts', fault: { type: 'drop' } }).inject({
      method: 'POST',
      path: '/api/v1/alerts',
      fault: { type: 'status', status: 429, body: 'slow down', headers: { 'Retry-After': '0' } },
    });
    expect((await run([config('4h')])).failed).toEqual([]);

    const refused = await run([config('1h', 'nobody')]);
    expect(refused.applied).toEqual([]);
    expect(refused.failed).toEqual([
      expect.objectContaining({
        error: expect.stringContaining('undefined receiver "nobody" used in route'),
      }),
    ]);
    expect(mimir.configs.get('pets')?.alertmanager_config).toContain('repeat_interval: 4h');
  });
});
