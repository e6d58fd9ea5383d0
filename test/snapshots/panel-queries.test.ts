/**
 * Panel-query snapshots: per dashboard, every panel's title, datasource and queries, in
 * `test/snapshots/panel-queries/<uid>.txt`. A changed query fails here until the snapshot is
 * updated (`npx vitest run -u test/snapshots`), so the change is reviewed twice: in out/ and here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/load/load.ts';
import { repoRoot } from '../../src/model/source.ts';
import type { Resource } from '../../src/model/resource.ts';
import { panelQueriesText } from '../../src/compile/panel-queries.ts';
import type { DashboardJson } from '../../src/validate/dashboard-walk.ts';

let dashboards: Resource[] = [];

beforeAll(async () => {
  const loaded = await loadDefinitions(repoRoot);
  expect(loaded.diagnostics).toEqual([]);
  dashboards = loaded.resources.filter((r) => r.kind === 'dashboard');
});

describe('panel queries', () => {
  it('covers every dashboard of the build', () => {
    expect(dashboards.length).toBeGreaterThan(0);
  });

  it('has no snapshot left over from a dashboard that is gone', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'panel-queries');
    const stored = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    const expected = dashboards.map((d) => `${d.id}.txt`).sort();
    expect(stored.filter((file) => !expected.includes(file))).toEqual([]);
  });

  it('match the reviewed snapshot of every dashboard', async () => {
    for (const resource of dashboards) {
      const text = panelQueriesText(resource.body as DashboardJson);
      await expect(text).toMatchFileSnapshot(`panel-queries/${resource.id}.txt`);
    }
  });
});
