/**
 * What users see, pinned: for a few findings, both the diagnostic data (`--json`) and the
 * rendered text, from resources made by hand so the locations are fixed.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticsJson, renderDiagnostics } from '../../src/cli/render.ts';
import { sortDiagnostics } from '../../src/model/diagnostic.ts';
import type { Resource } from '../../src/model/resource.ts';
import { checks } from '../../src/validate/registry.ts';
import { validate } from '../../src/validate/validate.ts';

const at = (line: number, column = 4) => ({ file: 'dashboards/pets.ts', line, column });

const petsDashboard: Resource = {
  kind: 'dashboard',
  target: 'grafana',
  id: 'svc-pets',
  title: 'Pets',
  source: at(5, 16),
  placement: { folder: 'Services' },
  sources: { 'panels[0]': at(9), 'panels[1]': at(16), 'panels[2]': at(23) },
  body: {
    uid: 'svc-pets',
    title: 'Pets',
    schemaVersion: 42,
    annotations: { list: [] },
    templating: { list: [] },
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Latency',
        datasource: { type: 'prometheus', uid: 'vp-prometheus' },
        fieldConfig: { defaults: { unit: 's' }, overrides: [] },
        targets: [
          {
            refId: 'A',
            expr: 'histogram_quantile(0.99,\n  sum by (route) (rate(http_server_request_duration_seconds_bucket{service="pets"}[$__rate_interval]))\n)',
          },
        ],
      },
      {
        id: 2,
        type: 'stat',
        title: 'Requests',
        datasource: { type: 'prometheus', uid: 'vp-prometheus' },
        fieldConfig: { defaults: {}, overrides: [] },
        targets: [{ refId: 'A', expr: 'sum(rate(http_server_request_total{service="pets"}[5m]))' }],
      },
      {
        id: 3,
        type: 'logs',
        title: 'Errors',
        datasource: { type: 'loki', uid: 'vp-loki' },
        targets: [
          {
            refId: 'A',
            expr: 'sum by (level) (count_over_time({service="pets"} | json [$__auto])',
          },
        ],
      },
    ],
  },
};

async function findings() {
  const inProcess = checks.filter((c) => !c.rules.some((r) => r.startsWith('tool/')));
  const found = await validate({ resources: [petsDashboard], files: [], root: '.' }, inProcess);
  return sortDiagnostics(found);
}

describe('diagnostics users see', () => {
  it('as data (--json)', async () => {
    expect(diagnosticsJson(await findings())).toMatchSnapshot();
  });

  it('as text', async () => {
    expect(renderDiagnostics(await findings())).toMatchSnapshot();
  });

  it('in the same order on every run', async () => {
    const first = renderDiagnostics(await findings());
    const again = renderDiagnostics(await findings());
    expect(again).toBe(first);
  });
});
