/**
 * Loki rules as files for a ruler with local storage (contract §5): one file per namespace in
 * `rulesDir/<tenant>/`, no reload (the ruler polls), read back from disk; a second push touches
 * no file; prune removes our file and keeps a hand-made one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import { push } from '../../src/push/push.ts';
import { alertOnUp, ruleGroupResource, testEnvironment } from './fixtures.ts';

describe('push Loki rule files', () => {
  let root: string;
  let environment: Environment;
  const tenantDir = () => path.join(root, 'loki-rules', 'pets');
  const local = (forDuration = '5m') => [
    ruleGroupResource('loki-rule-group', 'services', 'errors', [alertOnUp('Errors', forDuration)]),
    ruleGroupResource('loki-rule-group', 'kafka', 'lag', [alertOnUp('Lag')]),
  ];

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-loki-files-'));
    // The URL is a closed port: files mode must not need the server at all.
    const loki = {
      mode: 'files' as const,
      url: 'http://127.0.0.1:9',
      auth: { type: 'none' as const },
      rulesDir: 'loki-rules',
      tenant: 'pets',
    };
    environment = testEnvironment({ loki });
    fs.mkdirSync(tenantDir(), { recursive: true });
    fs.writeFileSync(path.join(tenantDir(), 'hand-made.yaml'), 'groups: []\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes one file per namespace, then nothing when unchanged, and prunes only ours', async () => {
    const first = await push({ environment, resources: local(), root });
    expect(first.failed).toEqual([]);
    expect(first.stats.requests).toBe(0);
    expect(fs.readdirSync(tenantDir()).sort()).toEqual([
      'hand-made.yaml',
      'kafka.yaml',
      'services.yaml',
    ]);
    expect(fs.readFileSync(path.join(tenantDir(), 'kafka.yaml'), 'utf8')).toMatch(
      /^# managed-by: /,
    );

    const mtime = fs.statSync(path.join(tenantDir(), 'kafka.yaml')).mtimeMs;
    const second = await push({ environment, resources: local('300s'), root });
    expect(second.summary).toMatchObject({ unchanged: 2, create: 0, update: 0 });
    expect(fs.statSync(path.join(tenantDir(), 'kafka.yaml')).mtimeMs).toBe(mtime);

    const pruned = await push({ environment, resources: local().slice(0, 1), root, prune: true });
    expect(pruned.applied).toEqual([
      { target: 'loki', kind: 'rule-file', key: 'kafka.yaml', action: 'delete' },
    ]);
    expect(fs.readdirSync(tenantDir()).sort()).toEqual(['hand-made.yaml', 'services.yaml']);
  });
});
