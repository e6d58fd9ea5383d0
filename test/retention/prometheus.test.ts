/**
 * The Prometheus retention policy on the real Prometheus 2.42 (Debian's): the generated flags
 * are what the server runs with, and the config-file form (Prometheus ≥ 3.8) is rejected by
 * 2.42's promtool — which is why a policy for 2.42 compiles to flags.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { prometheusRetention, type PrometheusRetentionBody } from '../../src/builders/index.ts';
import { binary, skipWithout } from '../helpers/binaries.ts';
import { startPrometheus } from '../helpers/servers.ts';
import { buildOwn } from '../agents/built.ts';
import { parseDuration } from '../../src/builders/retention/duration.ts';

const GiB = 1024 ** 3;

async function generatedBody(): Promise<PrometheusRetentionBody> {
  const result = await buildOwn();
  const policy = result.resources.find(
    (r) => r.kind === 'retention-policy' && r.target === 'prometheus',
  );
  return policy!.body as PrometheusRetentionBody;
}

function promtoolCheck(config: string): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-retention-'));
  const file = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(file, config);
  try {
    const output = execFileSync(binary('promtool'), ['check', 'config', file], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(skipWithout('prometheus', 'promtool'))('Prometheus retention on 2.42', () => {
  it('the generated flags are the retention the server runs with', async () => {
    const body = await generatedBody();
    expect('flags' in body).toBe(true);
    const flags = (body as { flags: string[] }).flags;
    expect(flags).toEqual([
      '--storage.tsdb.retention.time=35d',
      '--storage.tsdb.retention.size=16GB',
    ]);

    const server = await startPrometheus({ extraArgs: flags });
    try {
      const response = await fetch(`${server.url}/api/v1/status/flags`);
      const { data } = (await response.json()) as { data: Record<string, string> };
      // Prometheus prints durations in its largest whole unit: 35d comes back as 5w.
      expect(parseDuration(data['storage.tsdb.retention.time']!)).toBe(35 * 86_400);
      expect(data['storage.tsdb.retention.size']).toBe('16GiB');

      const runtime = await fetch(`${server.url}/api/v1/status/runtimeinfo`);
      const info = (await runtime.json()) as { data: { storageRetention: string } };
      expect(info.data.storageRetention).toBe('5w or 16GiB');
    } finally {
      await server.stop();
    }
  });

  it('the config form for ≥ 3.8 is not read by 2.42, so 2.42 gets flags', () => {
    const newer = prometheusRetention('p')
      .time('35d')
      .size(16 * GiB)
      .version('3.8.0');
    const fragment = newer.toResources()[0]!.body;
    expect(fragment).toEqual({ storage: { tsdb: { retention: { time: '35d', size: '16GB' } } } });

    const base = { global: { scrape_interval: '15s' } };
    expect(promtoolCheck(YAML.stringify(base)).status).toBe(0);
    const rejected = promtoolCheck(YAML.stringify({ ...base, ...fragment }));
    expect(rejected.status).toBe(1);
    expect(rejected.output).toContain('field retention not found');
  });
});
