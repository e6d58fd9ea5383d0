/**
 * The Prometheus rules of the alerting definitions, with the real promtool: every rule file
 * passes `promtool check rules`, every unit test file passes `promtool test rules`, and every
 * alert and recording rule has a unit test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary, skipWithout } from '../helpers/binaries.ts';
import { buildAlerting, type AlertingBuild } from './lib/build.ts';
import { untestedRules } from './lib/coverage.ts';

let built: AlertingBuild;
const rulesDir = () => path.join(built.outDir, 'prometheus/rules');
const testsDir = () => path.join(built.outDir, 'prometheus/tests');
const yamlFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

beforeAll(async () => {
  built = await buildAlerting();
});
afterAll(() => built?.remove());

describe('rule coverage', () => {
  it('every alert and recording rule has a promtool unit test', () => {
    const untested = untestedRules(rulesDir(), testsDir()).map(
      (r) => `${r.file} ${r.group} ${r.rule} ${JSON.stringify(r.labels)}`,
    );
    expect(untested).toEqual([]);
  });

  it('the rule set is the one documented: every family is there', () => {
    expect(yamlFiles(rulesDir())).toEqual([
      'alerting.yaml',
      'kafka.yaml',
      'missing-data.yaml',
      'recording.yaml',
      'resources.yaml',
      'services.yaml',
      'slo.yaml',
    ]);
  });

  it('reports an alert whose test was removed', () => {
    // Copy the build, drop the expectations of one alert, and the check must name it.
    const copy = fs.mkdtempSync(path.join(built.outDir, '..', 'obs-coverage-'));
    fs.cpSync(path.join(built.outDir, 'prometheus'), copy, { recursive: true });
    const file = path.join(copy, 'tests/alerts-kafka.test.yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as {
      tests: { alert_rule_test?: { alertname: string }[] }[];
    };
    for (const test of doc.tests) {
      test.alert_rule_test = test.alert_rule_test?.filter((t) => t.alertname !== 'KafkaBrokerDown');
    }
    fs.writeFileSync(file, YAML.stringify(doc));
    try {
      const untested = untestedRules(path.join(copy, 'rules'), path.join(copy, 'tests'));
      expect(untested.map((r) => `${r.file} ${r.rule}`)).toEqual(['kafka.yaml KafkaBrokerDown']);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('counts a per-service alert as tested only for the services its test names', () => {
    const copy = fs.mkdtempSync(path.join(built.outDir, '..', 'obs-coverage-'));
    fs.cpSync(path.join(built.outDir, 'prometheus'), copy, { recursive: true });
    const file = path.join(copy, 'tests/alerts-missing-data.test.yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as {
      tests: {
        alert_rule_test?: {
          alertname: string;
          exp_alerts: { exp_labels: Record<string, string> }[];
        }[];
      }[];
    };
    for (const t of doc.tests.flatMap((test) => test.alert_rule_test ?? [])) {
      if (t.alertname !== 'ServiceTargetMissing') continue;
      t.exp_alerts = t.exp_alerts.filter((a) => a.exp_labels.service !== 'pets');
    }
    fs.writeFileSync(file, YAML.stringify(doc));
    try {
      const untested = untestedRules(path.join(copy, 'rules'), path.join(copy, 'tests'));
      expect(untested.map((r) => `${r.rule} ${r.labels.service}`)).toEqual([
        'ServiceTargetMissing pets',
      ]);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skipWithout('promtool'))('promtool', () => {
  const promtool = (args: string[], cwd: string) =>
    spawnSync(binary('promtool'), args, { cwd, encoding: 'utf8', timeout: 120_000 });

  it('check rules: every rule file is valid for Prometheus 2.42', () => {
    const files = yamlFiles(rulesDir());
    const run = promtool(['check', 'rules', ...files], rulesDir());
    expect(run.stderr + run.stdout).not.toContain('FAILED');
    expect(run.status).toBe(0);
    expect(run.stdout.match(/SUCCESS/g)?.length).toBe(files.length);
  });

  it('test rules: every unit test file passes', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    for (const file of yamlFiles(testsDir())) {
      const run = promtool(['test', 'rules', file], testsDir());
      if (run.status !== 0) failures.push(`${file}:\n${run.stdout}${run.stderr}`);
    }
    expect(failures.join('\n')).toBe('');
  });

  it('test rules: a wrong expectation fails', () => {
    const copy = path.join(testsDir(), 'broken.test.yaml.tmp');
    const text = fs
      .readFileSync(path.join(testsDir(), 'alerts-kafka.test.yaml'), 'utf8')
      .replace(/severity: critical/g, 'severity: warning');
    fs.writeFileSync(copy, text);
    try {
      const run = promtool(['test', 'rules', path.basename(copy)], testsDir());
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain('KafkaBrokerDown');
    } finally {
      fs.rmSync(copy);
    }
  });
});
