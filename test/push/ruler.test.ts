/**
 * Push to the Mimir and Loki ruler emulators: one group per POST with the tenant header, no
 * write when nothing changed (although the server re-spells durations), one changed rule → one
 * POST, prune limited to our namespace prefix and tenant, faults retried, Loki's read-only local
 * store reported as failures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { RulerEmulator } from '../emulators/ruler.ts';
import { alertOnUp, recordRule, ruleGroupResource, testEnvironment } from './fixtures.ts';

const flavours = [
  {
    flavour: 'mimir' as const,
    kind: 'prometheus-rule-group' as const,
    target: 'prometheus' as const,
  },
  { flavour: 'loki' as const, kind: 'loki-rule-group' as const, target: 'loki' as const },
];

describe.each(flavours)('push to the $flavour ruler emulator', ({ flavour, kind, target }) => {
  let ruler: RulerEmulator;

  async function setup(options: { localStore?: boolean } = {}) {
    ruler = await new RulerEmulator({ flavour, ...options }).start();
    const config = {
      mode: 'ruler' as const,
      url: ruler.url,
      auth: { type: 'none' as const },
      tenant: 'team-a',
    };
    const environment: Environment = testEnvironment({ [target]: config });
    const run = (resources: Resource[], extra: Partial<PushOptions> = {}) =>
      push({ environment, resources, policy: { baseDelayMs: 10, timeoutMs: 2000 }, ...extra });
    return run;
  }
  afterEach(async () => {
    ruler.assertExpectationsMet();
    await ruler.stop();
  });

  const groups = (factor = 1) => [
    ruleGroupResource(kind, 'services', 'availability', [alertOnUp('Down', '120s')], '60s'),
    ruleGroupResource(kind, 'services', 'rates', [
      recordRule('job:up:sum', factor),
      recordRule('job:up:twice', 2),
    ]),
    ruleGroupResource(kind, 'kafka', 'lag', [alertOnUp('LagHigh', '5m')], '1m'),
  ];

  it('writes one group per request with the tenant, then nothing when unchanged', async () => {
    const run = await setup();
    ruler
      .expect('POST', `${ruler.basePath}/obs-services`, { count: 2 })
      .expect('POST', `${ruler.basePath}/obs-kafka`, { count: 1 });
    const first = await run(groups());
    expect(first.failed).toEqual([]);
    expect(ruler.keys('team-a')).toEqual([
      'obs-kafka/lag',
      'obs-services/availability',
      'obs-services/rates',
    ]);
    expect(ruler.requests.every((r) => r.headers['x-scope-orgid'] === 'team-a')).toBe(true);
    expect(ruler.writes().every((r) => r.headers['content-type'] === 'application/yaml')).toBe(
      true,
    );
    expect(ruler.tenants.get('team-a')?.get('obs-services')?.get('availability')?.interval).toBe(
      '1m',
    );

    const second = await run(groups());
    expect(second.summary).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    expect(second.stats.writes).toBe(0);
  });

  it('changes exactly one group when one rule changed', async () => {
    const run = await setup();
    await run(groups());
    ruler.reset();
    ruler
      .expect('POST', /.*/, { count: 1 })
      .expect('POST', `${ruler.basePath}/obs-services`, { count: 1 });
    const report = await run(groups(3));
    expect(report.applied).toEqual([
      { target, kind: 'rule-group', key: 'obs-services/rates', action: 'update' },
    ]);
    expect(report.items.find((i) => i.action === 'update')?.diff).toContain(
      '+  - expr: sum(up) * 3',
    );
  });

  it('prunes only groups under our prefix, in our tenant', async () => {
    const run = await setup();
    await run(groups());
    ruler.seed('team-a', 'hand-made', { name: 'mine', rules: [{ record: 'x', expr: 'up' }] });
    ruler.seed('team-b', 'obs-services', { name: 'rates', rules: [{ record: 'x', expr: 'up' }] });
    ruler.reset();
    ruler
      .expect('DELETE', `${ruler.basePath}/obs-kafka/lag`, { count: 1 })
      .expect('DELETE', /.*/, { count: 1 });
    const report = await run(groups().slice(0, 2), { prune: true });
    expect(report.failed).toEqual([]);
    expect(ruler.keys('team-a')).toEqual([
      'hand-made/mine',
      'obs-services/availability',
      'obs-services/rates',
    ]);
    expect(ruler.keys('team-b')).toEqual(['obs-services/rates']);
  });

  it('retries 429 with Retry-After, 500 and a dropped connection', async () => {
    const run = await setup();
    ruler
      .inject({ method: 'GET', path: ruler.basePath, fault: { type: 'drop' } })
      .inject({
        method: 'POST',
        path: `${ruler.basePath}/obs-kafka`,
        fault: { type: 'status', status: 500, body: 'store failure' },
      })
      .inject({
        method: 'POST',
        path: `${ruler.basePath}/obs-services`,
        times: 2,
        fault: {
          type: 'status',
          status: 429,
          body: 'rate limited',
          headers: { 'Retry-After': '1' },
        },
      });
    const report = await run(groups());
    expect(report.failed).toEqual([]);
    expect(ruler.keys('team-a')).toHaveLength(3);
    expect(report.stats.retries).toBe(4);
  });

  it('gives up after the retries and reports the failed groups', async () => {
    const run = await setup();
    ruler.inject({
      method: 'POST',
      path: `${ruler.basePath}/obs-kafka`,
      times: 3,
      fault: { type: 'status', status: 503, body: 'unavailable' },
    });
    const report = await run(groups(), { policy: { baseDelayMs: 1, retries: 2 } });
    expect(report.applied.map((o) => o.key)).toEqual([
      'obs-services/availability',
      'obs-services/rates',
    ]);
    expect(report.failed).toEqual([
      expect.objectContaining({
        key: 'obs-kafka/lag',
        error: expect.stringMatching(/failed after 3 attempts: 503 unavailable/),
      }),
    ]);
    const again = await run(groups());
    expect(again.applied.map((o) => o.key)).toEqual(['obs-kafka/lag']);
  });

  // Only Loki's ruler has a read-only local store; the Mimir flavour has no such case.
  if (flavour === 'loki') {
    it('reports every write as failed on a read-only local store', async () => {
      const run = await setup({ localStore: true });
      const report = await run(groups(), { policy: { baseDelayMs: 1, retries: 0 } });
      expect(report.applied).toEqual([]);
      expect(report.failed).toHaveLength(3);
      expect(report.failed[0]!.error).toContain('SetRuleGroup unsupported in rule local store');
    });
  }
});
