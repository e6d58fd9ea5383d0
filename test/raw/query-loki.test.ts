/**
 * `obs query` for LogQL metric queries against the Loki query emulator: ad-hoc LogQL, and a
 * logs-volume panel whose `$__auto` interval is filled in from the range.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/project.ts';
import { startLokiQueryEmulator, type LokiQueryEmulator } from '../emulators/loki-query.ts';
import { runCliAsync } from './cli.ts';

const volumePanel = {
  uid: 'vp-logs',
  title: 'Logs',
  templating: { list: [{ name: 'env' }] },
  panels: [
    {
      id: 1,
      type: 'timeseries',
      title: 'Log volume by level',
      datasource: { type: 'loki', uid: 'vp-loki' },
      gridPos: { x: 0, y: 0, w: 24, h: 8 },
      targets: [
        {
          refId: 'A',
          expr: 'sum by (level) (count_over_time({env="$env", service=~".+"}[$__auto]))',
          legendFormat: '{{level}}',
        },
      ],
    },
  ],
};

describe('obs query with LogQL (Loki query emulator)', () => {
  let loki: LokiQueryEmulator;
  let root: string;
  const end = Math.floor(Date.now() / 1000 / 60) * 60;

  beforeAll(async () => {
    loki = await startLokiQueryEmulator();
    root = tempProject({
      'out/grafana/dashboards/virtual-pet/vp-logs.json': JSON.stringify(volumePanel),
    });
    // In each of the last 10 minutes: 3 info lines and 1 error line from pets, in env test.
    for (let minute = 1; minute <= 10; minute++) {
      const at = (second: number) => new Date((end - minute * 60 + second) * 1000);
      loki.push({ service: 'pets', env: 'test', level: 'info' }, [
        [at(5), '{"msg":"a"}'],
        [at(15), '{"msg":"b"}'],
        [at(25), '{"msg":"c"}'],
      ]);
      loki.push({ service: 'pets', env: 'test', level: 'error' }, [[at(35), '{"msg":"boom"}']]);
    }
  });
  afterAll(async () => {
    await loki?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs ad-hoc LogQL as an instant query', async () => {
    const run = await runCliAsync(root, [
      'query',
      '--loki-url',
      loki.url,
      '--instant',
      '--to',
      String(end),
      '--logql',
      'sum by (level) (count_over_time({service="pets"}[10m]))',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\{level="error"\}\s+10$/m);
    expect(run.stdout).toMatch(/^\{level="info"\}\s+30$/m);
    expect(loki.requests.at(-1)!.path).toBe('/loki/api/v1/query');
  });

  it("runs a Loki panel's query over a range with $__auto filled in", async () => {
    const run = await runCliAsync(root, [
      'query',
      'vp-logs',
      'Log volume by level',
      '--loki-url',
      loki.url,
      '--var',
      'env=test',
      '--from',
      String(end - 600),
      '--to',
      String(end),
      '--step',
      '1m',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const request = loki.requests.at(-1)!;
    expect(request.path).toBe('/loki/api/v1/query_range');
    expect(request.params.query).toBe(
      'sum by (level) (count_over_time({env="test", service=~".+"}[1m]))',
    );
    expect(request.params.step).toBe('60');
    const body = JSON.parse(run.stdout) as {
      queries: { series: { name: string; points: [number, number][] }[] }[];
    };
    const byName = Object.fromEntries(body.queries[0]!.series.map((s) => [s.name, s.points]));
    expect(Object.keys(byName)).toEqual(['error', 'info']);
    // Every full minute of the range holds 1 error and 3 info lines.
    expect(byName.error!.slice(1).every(([, v]) => v === 1)).toBe(true);
    expect(byName.info!.slice(1).every(([, v]) => v === 3)).toBe(true);
  });
});
