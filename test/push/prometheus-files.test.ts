/**
 * Push rule files to a real Prometheus (Debian's, `--web.enable-lifecycle`): files written and
 * reloaded, every group read back loaded and healthy; a second push writes no file and sends no
 * reload; one changed rule rewrites one file; prune removes our file and leaves a hand-made one;
 * a file Prometheus refuses is put back and reported, and the next run tries again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { skipWithout } from '../helpers/binaries.ts';
import { startPrometheus, type RunningServer } from '../helpers/servers.ts';
import { alertOnUp, recordRule, ruleGroupResource, testEnvironment } from './fixtures.ts';

const handMade =
  'groups:\n  - name: hand-made\n    rules:\n      - record: hand:up:sum\n        expr: sum(up)\n';

describe.skipIf(skipWithout('prometheus'))('push rule files to a real Prometheus', () => {
  let prometheus: RunningServer;
  let environment: Environment;
  let rulesDir: string;
  const run = (resources: Resource[], extra: Partial<PushOptions> = {}) =>
    push({ environment, resources, verifyTimeoutMs: 15_000, ...extra });
  const mtimes = () =>
    Object.fromEntries(
      fs.readdirSync(rulesDir).map((f) => [f, fs.statSync(path.join(rulesDir, f)).mtimeMs]),
    );
  const loadedGroups = async () => {
    const body = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
      data: { groups: { name: string; file: string }[] };
    };
    return body.data.groups.map((g) => `${path.basename(g.file)}:${g.name}`).sort();
  };
  const local = (factor = 1) => [
    ruleGroupResource('prometheus-rule-group', 'services', 'availability', [alertOnUp('Down')]),
    ruleGroupResource('prometheus-rule-group', 'services', 'rates', [
      recordRule('job:up:sum', factor),
    ]),
    ruleGroupResource('prometheus-rule-group', 'kafka', 'lag', [recordRule('kafka:up:sum')]),
  ];

  beforeAll(async () => {
    prometheus = await startPrometheus({
      config: 'global:\n  evaluation_interval: 1s\nrule_files:\n  - rules/*.yaml\n',
      files: { 'rules/hand-made.yaml': handMade },
    });
    rulesDir = path.join(prometheus.dir, 'rules');
    environment = testEnvironment({
      prometheus: { mode: 'files', url: prometheus.url, auth: { type: 'none' }, rulesDir },
    });
  });
  afterAll(async () => {
    await prometheus?.stop();
  });

  it('writes the files, reloads once and sees every group loaded', async () => {
    const report = await run(local());
    expect(report.failed).toEqual([]);
    expect(report.applied.map((o) => `${o.action} ${o.key}`)).toEqual([
      'create kafka.yaml',
      'create services.yaml',
    ]);
    expect(report.stats.writes).toBe(1); // the one POST /-/reload
    expect(fs.readFileSync(path.join(rulesDir, 'services.yaml'), 'utf8')).toMatch(
      /^# managed-by: /,
    );
    expect(await loadedGroups()).toEqual([
      'hand-made.yaml:hand-made',
      'kafka.yaml:lag',
      'services.yaml:availability',
      'services.yaml:rates',
    ]);
  });

  it('writes nothing and does not reload when nothing changed', async () => {
    const before = mtimes();
    const report = await run(local());
    expect(report.summary).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(report.stats.writes).toBe(0);
    expect(mtimes()).toEqual(before);
  });

  it('rewrites exactly one file when one rule changed', async () => {
    const before = mtimes();
    const report = await run(local(2));
    expect(report.applied).toEqual([
      { target: 'prometheus', kind: 'rule-file', key: 'services.yaml', action: 'update' },
    ]);
    const after = mtimes();
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual(['services.yaml']);
    expect(fs.readFileSync(path.join(rulesDir, 'services.yaml'), 'utf8')).toContain('sum(up) * 2');
  });

  it('prunes the removed file and leaves the hand-made one', async () => {
    const report = await run(local(2).slice(0, 2), { prune: true });
    expect(report.failed).toEqual([]);
    expect(report.applied).toEqual([
      { target: 'prometheus', kind: 'rule-file', key: 'kafka.yaml', action: 'delete' },
    ]);
    expect(fs.readdirSync(rulesDir).sort()).toEqual(['hand-made.yaml', 'services.yaml']);
    expect(await loadedGroups()).toEqual([
      'hand-made.yaml:hand-made',
      'services.yaml:availability',
      'services.yaml:rates',
    ]);
  });

  it('puts a refused file back, reports it, and tries again on the next run', async () => {
    const broken = [
      ...local(2).slice(0, 2),
      ruleGroupResource('prometheus-rule-group', 'broken', 'bad', [
        { record: 'x:y', expr: 'sum(' },
      ]),
    ];
    const report = await run(broken);
    expect(report.applied).toEqual([]);
    expect(report.failed).toEqual([
      expect.objectContaining({
        key: 'broken.yaml',
        error: expect.stringMatching(/reload refused.*restored: 500/),
      }),
    ]);
    expect(fs.existsSync(path.join(rulesDir, 'broken.yaml'))).toBe(false);
    expect(await loadedGroups()).toContain('services.yaml:rates');

    const again = await run(broken, { dryRun: true });
    expect(again.summary.create).toBe(1);
  });
});
