/**
 * Bad definitions: each gives an error naming the file and line, a non-zero exit, and leaves
 * the previous out/ untouched byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.ts';
import {
  buildersImport,
  datasourcesImport,
  runCli,
  snapshotDir,
  tempProject,
} from '../helpers/project.ts';
import fs from 'node:fs';
import path from 'node:path';

const good = `import { dashboard, timeseries, promQuery } from '${buildersImport}';
import { prometheusDs } from '${datasourcesImport}';

export default dashboard('Good one')
  .withPanel(timeseries('Up').unit('short').datasource(prometheusDs).withTarget(promQuery('up')));
`;

const cases: { name: string; file: string; content: string; expected: RegExp }[] = [
  {
    name: 'a definition that throws',
    file: 'dashboards/throws.ts',
    content: `import { dashboard } from '${buildersImport}';

function boom(): never {
  throw new Error('catalog lookup failed for "pets"');
}
export default [dashboard('Throws'), boom()];
`,
    expected:
      /^dashboards\/throws\.ts:4:9: error: threw Error: catalog lookup failed for "pets" \(load\/module-failed\)$/m,
  },
  {
    name: 'a syntax error',
    file: 'dashboards/syntax.ts',
    content: `import { dashboard } from '${buildersImport}';

export default dashboard('Syntax'
  .tags(['a'];
`,
    expected:
      /^dashboards\/syntax\.ts:4:14: error: does not compile: Expected "\)" but found ";" \(load\/module-failed\)$/m,
  },
  {
    name: 'a duplicate uid',
    file: 'dashboards/duplicate.ts',
    content: `import { dashboard } from '${buildersImport}';

export default [
  dashboard('Twin A').uid('twin'),
  dashboard('Twin B').uid('twin'),
];
`,
    expected:
      /^dashboards\/duplicate\.ts:5:3: error: dashboard id `twin` is defined twice; first at dashboards\/duplicate\.ts:4 \(load\/duplicate-id\)$/m,
  },
  {
    name: 'a panel without a datasource',
    file: 'dashboards/no-datasource.ts',
    content: `import { dashboard, timeseries, promQuery } from '${buildersImport}';

export default dashboard('Orphan panel')
  .withPanel(timeseries('Up').unit('short').withTarget(promQuery('up')))
  .withPanel(timeseries('Requests').unit('reqps').withTarget(promQuery('up == 1')));
`,
    expected:
      /^dashboards\/no-datasource\.ts:5:4: error: panel `Requests` has queries but no datasource \(panel\/datasource-missing\)$/m,
  },
  {
    name: 'a module without a default export',
    file: 'alerts/nothing.ts',
    content: `export const nothing = 1;\n`,
    expected:
      /^alerts\/nothing\.ts:1:1: error: the module has no default export \(load\/no-default-export\)$/m,
  },
  {
    name: 'a default export that is not a resource',
    file: 'alerts/wrong.ts',
    content: `export default [{ name: 'not a builder' }];\n`,
    expected:
      /^alerts\/wrong\.ts:1:1: error: default export item 0 is a object \(load\/not-a-resource\)$/m,
  },
];

describe('bad input', () => {
  it.each(cases)(
    '$name: names file and line, exits non-zero, keeps out/',
    ({ file, content, expected }) => {
      const root = tempProject({ 'dashboards/good.ts': good });
      expect(runCli(root, ['build']).status).toBe(ExitCode.ok);
      const before = snapshotDir(path.join(root, 'out'));
      expect(Object.keys(before).length).toBeGreaterThan(1);

      tempProjectAdd(root, file, content);
      const run = runCli(root, ['build']);

      expect(run.stdout).toMatch(expected);
      expect(run.stdout).toMatch(/✘ .* out\/ left unchanged/);
      expect(run.status).toBe(ExitCode.invalid);
      expect(snapshotDir(path.join(root, 'out'))).toEqual(before);
    },
  );

  it('reports every problem of a build at once, not only the first', () => {
    const root = tempProject(Object.fromEntries(cases.map((c) => [c.file, c.content])));
    const run = runCli(root, ['build', '--json']);
    const report = JSON.parse(run.stdout) as { diagnostics: { rule: string; file: string }[] };
    const rules = report.diagnostics.map((d) => `${d.file} ${d.rule}`);
    expect(rules).toEqual([
      'alerts/nothing.ts load/no-default-export',
      'alerts/wrong.ts load/not-a-resource',
      'dashboards/duplicate.ts load/duplicate-id',
      'dashboards/no-datasource.ts panel/datasource-missing',
      'dashboards/no-datasource.ts panel/datasource-missing',
      'dashboards/syntax.ts load/module-failed',
      'dashboards/throws.ts load/module-failed',
    ]);
    expect(run.status).toBe(ExitCode.invalid);
  });
});

function tempProjectAdd(root: string, file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}
