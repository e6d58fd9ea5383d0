/** `obs build` points at the preview when it wrote dashboards, and only then. */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildersImport, datasourcesImport, runCli, tempProject } from '../helpers/project.ts';

const board = `import { dashboard, timeseries, promQuery } from '${buildersImport}';
import { prometheusDs } from '${datasourcesImport}';

export default dashboard('Preview link')
  .folder('Team A')
  .withPanel(timeseries('Up').unit('short').datasource(prometheusDs).withTarget(promQuery('up')));
`;

describe('the build output links the preview', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('prints how to open the preview after a build that wrote dashboards', () => {
    const root = tempProject({ 'dashboards/a.ts': board });
    roots.push(root);
    const run = runCli(root, ['build']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^✔ 1 resources \(1 dashboard\)/);
    expect(lines.at(-2)).toBe(
      'preview: npx obs preview → preview/index.html (the dashboards without Grafana)',
    );

    const preview = runCli(root, ['preview']);
    expect(preview.status, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(
      /^✔ preview of 1 dashboards, 1 panels → .*preview\/index\.html \(\d+\.\d KiB\)$/m,
    );
    expect(fs.readFileSync(`${root}/preview/index.html`, 'utf8')).toContain('<h4 title="">Up</h4>');
  });

  it('says nothing about the preview when validating', () => {
    const root = tempProject({ 'dashboards/a.ts': board });
    roots.push(root);
    const run = runCli(root, ['validate']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('preview');
  });
});
