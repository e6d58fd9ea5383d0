/**
 * `obs query` against a real Prometheus holding known data (written by promtool into its TSDB
 * before start): ad-hoc PromQL, a dashboard panel with its variables filled in, the three output
 * forms, and the errors a user can make.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout } from '../helpers/binaries.ts';
import { runCli, tempProject } from '../helpers/project.ts';
import type { RunningServer } from '../helpers/servers.ts';
import { startPrometheusWithData } from './prometheus-data.ts';

const labels = (status: string) => ({
  service: 'pets',
  env: 'test',
  route: '/pets',
  method: 'GET',
  status_class: status,
});

/** A dashboard as the build writes it: one row, one time series panel with variables. */
const dashboard = {
  uid: 'svc-pets',
  title: 'Pets service',
  templating: {
    list: [
      { name: 'env', type: 'query' },
      { name: 'instance', type: 'query', includeAll: true, multi: true, allValue: '.*' },
    ],
  },
  panels: [
    { id: 1, type: 'row', title: 'Requests', gridPos: { x: 0, y: 0, w: 24, h: 1 }, panels: [] },
    {
      id: 2,
      type: 'timeseries',
      title: 'Request rate',
      datasource: { type: 'prometheus', uid: 'vp-prometheus' },
      fieldConfig: { defaults: { unit: 'reqps' } },
      gridPos: { x: 0, y: 1, w: 12, h: 8 },
      targets: [
        {
          refId: 'A',
          expr: 'sum by (status_class) (rate(http_server_requests_total{service="pets", env="$env", instance=~"$instance"}[$__rate_interval]))',
          legendFormat: '{{status_class}}',
        },
      ],
    },
  ],
};

describe.skipIf(skipWithout('prometheus', 'promtool'))('obs query (real Prometheus)', () => {
  let prometheus: RunningServer;
  let root: string;

  beforeAll(async () => {
    prometheus = await startPrometheusWithData({
      minutes: 60,
      series: [
        // A counter growing 1/s and one growing 0.1/s.
        {
          name: 'http_server_requests_total',
          type: 'counter',
          labels: labels('2xx'),
          value: (t) => t,
        },
        {
          name: 'http_server_requests_total',
          type: 'counter',
          labels: labels('5xx'),
          value: (t) => t / 10,
        },
      ],
    });
    root = tempProject({
      'out/grafana/dashboards/services/svc-pets.json': JSON.stringify(dashboard, null, 2),
    });
  });
  afterAll(async () => {
    await prometheus?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('runs ad-hoc PromQL over a range and prints JSON with the known rates', () => {
    const run = runCli(root, [
      'query',
      '--prometheus-url',
      prometheus.url,
      '--promql',
      'sum by (status_class) (rate(http_server_requests_total[5m]))',
      '--since',
      '30m',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout) as {
      queries: { series: { labels: Record<string, string>; points: [number, number][] }[] }[];
    };
    const series = body.queries[0]!.series;
    expect(series.map((s) => s.labels.status_class)).toEqual(['2xx', '5xx']);
    const middle = (s: (typeof series)[number]) => s.points[Math.floor(s.points.length / 2)]![1];
    expect(middle(series[0]!)).toBeCloseTo(1, 5);
    expect(middle(series[1]!)).toBeCloseTo(0.1, 5);
  });

  it("runs a panel's query by dashboard title and panel title, variables filled in", () => {
    const run = runCli(root, [
      'query',
      'pets service',
      'request rate',
      '--prometheus-url',
      prometheus.url,
      '--var',
      'env=test',
      '--from',
      'now-40m',
      '--to',
      'now-10m',
    ]);
    expect(run.status, run.stderr).toBe(0);
    // $env from --var, $instance → .* (All), $__rate_interval = max(step + 15s, 4 × 15s) = 1m.
    expect(run.stdout).toContain('env="test", instance=~".*"}[1m]');
    expect(run.stdout).toMatch(/^2xx\s+1 req\/s\s+1 req\/s\s+1 req\/s\s+▁+$/m);
    expect(run.stdout).toMatch(/^5xx\s+0\.1 req\/s/m);
    expect(run.stdout).toContain('svc-pets / Request rate · A · ');
  });

  it('prints CSV with one row per sample and an instant value table', () => {
    const csv = runCli(root, [
      'query',
      'svc-pets',
      'Request rate',
      '--prometheus-url',
      prometheus.url,
      '--var',
      'env=test',
      '--from',
      'now-20m',
      '--to',
      'now-10m',
      '--step',
      '5m',
      '--csv',
    ]);
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('query,series,status_class,time,unix,value');
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[1]).toMatch(/^A,2xx,2xx,\d{4}-\d\d-\d\dT[\d:]+Z,\d+,1$/);

    const instant = runCli(root, [
      'query',
      '--prometheus-url',
      prometheus.url,
      '--instant',
      '--to',
      'now-10m',
      '--promql',
      'sum(rate(http_server_requests_total{status_class="5xx"}[5m]))',
    ]);
    expect(instant.status, instant.stderr).toBe(0);
    expect(instant.stdout).toMatch(/^\{\}\s+0\.1$/m);
  });

  it.each([
    {
      name: 'a variable with no value',
      args: ['svc-pets', 'Request rate'],
      stderr: 'uses $env with no value; give --var env=…',
    },
    {
      name: 'an unknown panel',
      args: ['svc-pets', 'Latency'],
      stderr: 'dashboard svc-pets has no panel `Latency`; its panels: "Request rate"',
    },
    { name: 'an unknown dashboard', args: ['nope', 'x'], stderr: 'no dashboard `nope`' },
    {
      name: 'a bad time',
      args: ['--promql', 'up', '--from', 'yesterday'],
      stderr: 'time `yesterday` is not valid',
    },
  ])('exits 2 on $name, before any request', ({ args, stderr }) => {
    const run = runCli(root, ['query', ...args, '--prometheus-url', prometheus.url]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(stderr);
  });

  it("exits 4 quoting Prometheus' own message when it refuses the query", () => {
    const run = runCli(root, [
      'query',
      '--prometheus-url',
      prometheus.url,
      '--promql',
      'sum(rate(x[5m])',
    ]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('Prometheus range query promql failed: HTTP 400');
    expect(run.stderr).toContain(`url: ${prometheus.url}/api/v1/query_range`);
    expect(run.stderr).toMatch(/response: .*bad_data.*parse error/);
    expect(run.stderr).toContain('hint: the server refused the query');
  });
});

// Keep the fixture honest: it must look like what the build writes.
it('the fixture dashboard uses the fields the build writes', () => {
  const real = path.resolve('out/grafana/dashboards/services/svc-pets.json');
  if (!fs.existsSync(real)) return;
  const text = fs.readFileSync(real, 'utf8');
  for (const field of ['"gridPos"', '"targets"', '"legendFormat"', '"templating"', '"unit"']) {
    expect(text).toContain(field);
  }
});
