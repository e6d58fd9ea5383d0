/**
 * The build as a user runs it: reproducible bytes, a manifest that tells the truth, `validate`
 * writing nothing, `list`, and the CLI's exit codes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.ts';
import { build } from '../../src/pipeline.ts';
import { repoRoot } from '../../src/model/source.ts';
import {
  buildersImport,
  datasourcesImport,
  runCli,
  snapshotDir,
  tempProject,
} from '../helpers/project.ts';

const definition = (
  title: string,
  expr: string,
) => `import { dashboard, timeseries, promQuery, prometheusRuleGroup, alertRule } from '${buildersImport}';
import { prometheusDs } from '${datasourcesImport}';

export default [
  dashboard('${title}')
    .folder('Team A')
    .withPanel(timeseries('Up').unit('short').datasource(prometheusDs).withTarget(promQuery('${expr}'))),
  prometheusRuleGroup('team-a').namespace('team-a').withRule(
    alertRule('TeamADown')
      .expr('up == 0')
      .for('1m')
      .severity('critical')
      .summary('Team A is down')
      .description('Prometheus cannot scrape Team A.')
      .runbook('https://runbooks.virtualpet.example/team-a-down'),
  ),
];
`;

describe('build', () => {
  it('gives identical bytes on two builds of the same tree', async () => {
    const first = fs.mkdtempSync(path.join(repoRoot, '.out-a-'));
    const second = fs.mkdtempSync(path.join(repoRoot, '.out-b-'));
    try {
      await build({ root: repoRoot, outDir: first });
      await build({ root: repoRoot, outDir: second });
      const a = snapshotDir(first);
      expect(Object.keys(a).length).toBeGreaterThan(5);
      expect(snapshotDir(second)).toEqual(a);
    } finally {
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });

  it('writes a manifest listing every file with its true hash and resources', () => {
    const root = tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') });
    expect(runCli(root, ['build']).status).toBe(ExitCode.ok);
    const out = path.join(root, 'out');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string; bytes: number; resources: string[] }[];
    };
    const files = Object.keys(snapshotDir(out))
      .filter((f) => f !== 'manifest.json')
      .sort();
    expect(manifest.files.map((f) => f.path)).toEqual(files);
    for (const entry of manifest.files) {
      const bytes = fs.readFileSync(path.join(out, entry.path));
      expect(entry.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      expect(entry.bytes).toBe(bytes.length);
    }
    expect(manifest.files).toContainEqual(
      expect.objectContaining({
        path: 'grafana/dashboards/team-a/team-a-board.json',
        resources: ['dashboard team-a-board'],
      }),
    );
    expect(manifest.files).toContainEqual(
      expect.objectContaining({
        path: 'prometheus/rules/team-a.yaml',
        resources: ['prometheus-rule-group team-a/team-a'],
      }),
    );
  });

  it('prints one summary line and reports changed files on rebuild', () => {
    const root = tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') });
    const first = runCli(root, ['build']);
    expect(first.stdout).toMatch(
      /\n✔ 2 resources \(1 dashboard, 1 prometheus-rule-group\) · 0 errors, 0 warnings · 3 files in out\/ \(2 changed\) · \d+ ms\n$/,
    );
    fs.writeFileSync(path.join(root, 'dashboards/a.ts'), definition('Team A board', 'up == 1'));
    expect(runCli(root, ['build']).stdout).toMatch(/3 files in out\/ \(1 changed\)/);
  });

  it('validate checks everything and writes nothing', () => {
    const root = tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') });
    const run = runCli(root, ['validate']);
    expect(run.status).toBe(ExitCode.ok);
    expect(run.stdout).toMatch(/nothing written/);
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('--json prints counts, resources by kind and diagnostics', () => {
    const root = tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') });
    const report = JSON.parse(runCli(root, ['build', '--json']).stdout);
    expect(report).toMatchObject({
      resources: { dashboard: 1, 'prometheus-rule-group': 1 },
      files: 3,
      written: true,
      counts: { error: 0, warning: 0, info: 0 },
      diagnostics: [],
    });
  });
});

describe('list', () => {
  it('shows kind, id, target, out/ file and the defining line of every resource', () => {
    const root = tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') });
    const run = runCli(root, ['list']);
    expect(run.status).toBe(ExitCode.ok);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KIND\s+ID\s+TARGET\s+OUT\s+DEFINED AT$/);
    expect(lines[1]).toMatch(
      /^dashboard\s+team-a-board\s+grafana\s+out\/grafana\/dashboards\/team-a\/team-a-board\.json\s+dashboards\/a\.ts:5:3$/,
    );
    expect(lines[2]).toMatch(
      /^prometheus-rule-group\s+team-a\/team-a\s+prometheus\s+out\/prometheus\/rules\/team-a\.yaml\s+dashboards\/a\.ts:8:3$/,
    );
  });

  it('filters by kind and refuses an unknown kind with the known ones', () => {
    const root = tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') });
    const json = JSON.parse(runCli(root, ['list', '--kind', 'dashboard', '--json']).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual(['team-a-board']);
    const bad = runCli(root, ['list', '--kind', 'dashbord']);
    expect(bad.status).toBe(ExitCode.usage);
    expect(bad.stdout).toMatch(/unknown kind `dashbord`; expected one of .*dashboard/);
  });
});

describe('cli', () => {
  it('an unknown command exits with the usage code and says so', () => {
    const run = runCli(tempProject({}), ['bild']);
    expect(run.status).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/unknown command 'bild'/);
  });

  it('help lists only commands that exist', () => {
    const run = runCli(tempProject({}), ['--help']);
    expect(run.status).toBe(ExitCode.ok);
    expect(run.stdout).toMatch(/build \[options\]/);
    expect(run.stdout).toMatch(/validate \[options\]/);
    expect(run.stdout).toMatch(/list \[options\]/);
  });

  it('prints no colour codes with NO_COLOR', () => {
    const run = runCli(tempProject({ 'dashboards/a.ts': definition('Team A board', 'up') }), [
      'build',
    ]);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });
});
