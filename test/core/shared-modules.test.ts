/**
 * Definitions share the compiler's modules instead of bundling their own copies: the list in
 * `src/load/shared-modules.ts` covers every module a definition may import from `src/`, a
 * bundle holds only definition code, and a builder a definition calls is the compiler's instance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as builders from '../../src/builders/index.ts';
import { bundleDefinitions } from '../../src/load/bundle.ts';
import { loadDefinitions } from '../../src/load/load.ts';
import { sharedModules } from '../../src/load/shared-modules.ts';
import { repoRoot } from '../../src/model/source.ts';
import { buildersImport, runCli, tempProject } from '../helpers/project.ts';

const sdkImport = path.join(
  repoRoot,
  'node_modules/@grafana/grafana-foundation-sdk/dist/dashboard/index.js',
);

const definition = `import { dashboard, timeseries, promQuery } from '${buildersImport}';
import * as sdk from '${sdkImport}';
(globalThis as any).__obsSharedProbe = { dashboard, DashboardBuilder: sdk.DashboardBuilder };
export default dashboard('Shared').uid('shared')
  .withPanel(timeseries('No datasource').unit('short').withTarget(promQuery('up')));
`;

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function project(): string {
  const root = tempProject({ 'dashboards/shared.ts': definition });
  roots.push(root);
  return root;
}

describe('shared modules', () => {
  it('lists every module of src/builders, src/conventions and src/model', () => {
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        const file = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) onDisk.push(file);
      }
    };
    ['src/builders', 'src/conventions', 'src/model'].forEach(walk);
    const listed = Object.keys(sharedModules).filter((name) => name.startsWith('src/'));
    expect(listed.sort()).toEqual(onDisk.sort());
  });

  it('keeps the SDK and the builders out of the definitions bundle', async () => {
    const root = project();
    const file = path.join(root, 'dashboards/shared.ts');
    const bundled = await bundleDefinitions(root, [file]);
    expect(bundled.diagnostics).toEqual([]);
    const code = fs.readFileSync(bundled.entries.get(file)!, 'utf8');
    expect(code).not.toContain('class DashboardBuilder');
    expect(code).not.toContain('function dashboard(');
    expect(code.length).toBeLessThan(20_000);
  });

  it('gives definitions the compiler’s own instances', async () => {
    const loaded = await loadDefinitions(project());
    expect(loaded.diagnostics).toEqual([]);
    const probe = (globalThis as Record<string, unknown>).__obsSharedProbe as {
      dashboard: unknown;
      DashboardBuilder: unknown;
    };
    expect(probe.dashboard).toBe(builders.dashboard);
    const sdk = sharedModules['@grafana/grafana-foundation-sdk/dashboard'] as {
      DashboardBuilder: unknown;
    };
    expect(probe.DashboardBuilder).toBe(sdk.DashboardBuilder);
  });

  it('locates a resource made ten helper calls deep at the definition line', () => {
    // Ten frames of definition helpers (dashboards/lib/) stand between the builder and the
    // definition: more than the short stack read first, so the long one must be read.
    const chain = Array.from(
      { length: 10 },
      (_, i) =>
        `export function level${i}(title: string): any { return ${i === 9 ? 'dashboard(title)' : `level${i + 1}(title)`}; }`,
    ).join('\n');
    const root = tempProject({
      'dashboards/lib/deep.ts': `import { dashboard } from '${buildersImport}';\n${chain}\n`,
      'dashboards/deep.ts': `import { level0 } from './lib/deep.ts';\n\nexport default level0('Deep');\n`,
    });
    roots.push(root);
    const run = runCli(root, ['list', '--json']);
    const listed = JSON.parse(run.stdout) as { id: string; source: string }[];
    expect(listed.map((r) => [r.id, r.source])).toEqual([['deep', 'dashboards/deep.ts:3:16']]);
  });

  it('still locates a panel at its definition line from the CLI', () => {
    const run = runCli(project(), ['validate', '--json']);
    const found = (
      JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string; line: number }[] }
    ).diagnostics.filter((d) => d.rule === 'panel/datasource-missing');
    expect(found.map((d) => [d.file, d.line])).toEqual([['dashboards/shared.ts', 5]]);
  });
});
