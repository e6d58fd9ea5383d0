/** Reading compiled dashboards from out/: grid, collapsed rows, lookups, and broken files. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPanel, readDashboards } from '../../src/raw/dashboards.ts';
import { tempProject } from '../helpers/project.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = tempProject(files);
  roots.push(root);
  return root;
}

const board = {
  uid: 'b1',
  title: 'Board One',
  panels: [
    { id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [] },
    {
      id: 2,
      type: 'row',
      title: 'Details',
      collapsed: true,
      gridPos: { x: 0, y: 4, w: 24, h: 1 },
      panels: [
        {
          id: 3,
          type: 'timeseries',
          title: 'Lag',
          datasource: { uid: 'vp-prometheus' },
          fieldConfig: { defaults: { unit: 's' } },
          gridPos: { x: 0, y: 5, w: 12, h: 8 },
          targets: [
            { refId: 'A', expr: 'lag' },
            { refId: 'B', expr: '' },
          ],
        },
      ],
    },
  ],
};

describe('readDashboards', () => {
  it('reads TraceQL targets (`query`) beside PromQL and LogQL (`expr`)', () => {
    const traces = {
      uid: 't1',
      title: 'Traces',
      panels: [
        {
          id: 1,
          type: 'table',
          title: 'Slow traces',
          datasource: { type: 'tempo', uid: 'vp-tempo' },
          gridPos: { x: 0, y: 0, w: 24, h: 8 },
          targets: [{ refId: 'A', queryType: 'traceql', query: '{ duration > 1s }' }],
        },
      ],
    };
    const root = project({ 'out/grafana/dashboards/team/t1.json': JSON.stringify(traces) });
    const [dashboard] = readDashboards(path.join(root, 'out'), root);
    expect(dashboard!.panels[0]!.targets).toEqual([
      { refId: 'A', expr: '{ duration > 1s }', legendFormat: undefined, datasource: 'tempo' },
    ]);
  });

  it('flattens collapsed rows in grid order and reads units, datasources and queries', () => {
    const root = project({ 'out/grafana/dashboards/team/b1.json': JSON.stringify(board) });
    const [dashboard] = readDashboards(path.join(root, 'out'), root);
    expect(dashboard).toMatchObject({
      uid: 'b1',
      folder: 'team',
      file: 'out/grafana/dashboards/team/b1.json',
    });
    expect(dashboard!.panels.map((p) => `${p.id}:${p.type}`)).toEqual([
      '1:stat',
      '2:row',
      '3:timeseries',
    ]);
    expect(dashboard!.panels[2]).toMatchObject({
      unit: 's',
      gridPos: { x: 0, y: 5, w: 12, h: 8 },
      targets: [{ refId: 'A', expr: 'lag', datasource: 'prometheus' }],
    });
  });

  it('finds a panel by dashboard title and panel title, or lists what exists', () => {
    const root = project({ 'out/grafana/dashboards/team/b1.json': JSON.stringify(board) });
    const dashboards = readDashboards(path.join(root, 'out'), root);
    expect(findPanel(dashboards, 'board one', 'LAG').panel.id).toBe(3);
    expect(() => findPanel(dashboards, 'b1', 'Details')).toThrow(
      'dashboard b1 has no panel `Details`; its panels: "Up", "Lag"',
    );
    expect(() => findPanel(dashboards, 'b2', 'x')).toThrow(
      'no dashboard `b2`; expected a uid or title: b1 ("Board One")',
    );
  });

  it('names the file of a dashboard that is not JSON', () => {
    const root = project({ 'out/grafana/dashboards/team/b1.json': '{ "uid": ' });
    expect(() => readDashboards(path.join(root, 'out'), root)).toThrow(
      /^out\/grafana\/dashboards\/team\/b1\.json: not valid JSON .*; rebuild out\/ with `npm run build`$/,
    );
  });

  it('says to run the build when out/ has no dashboards', () => {
    const root = project({});
    expect(() => readDashboards(path.join(root, 'out'), root)).toThrow(
      'out/grafana/dashboards: no dashboards; run `npm run build` first',
    );
  });
});
