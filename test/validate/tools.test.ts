/**
 * The real promtool and amtool over the compiled files: what our own checks cannot see (a type
 * error PromQL's grammar accepts, a matcher regex Alertmanager refuses) is reported at the rule
 * or config that made it. Without the tools the build says they were skipped (info), and with
 * CI=true that is an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.ts';
import { findBinary, skipWithout } from '../helpers/binaries.ts';
import { runCli, tempProject } from '../helpers/project.ts';
import { header, headerLines } from './fixtures.ts';

const files = {
  'alerts/type-error.ts': `${header}
export default prometheusRuleGroup('type-error').namespace('type-error').withRules([
  ok(alertRule('Fine').expr('up == 0')),
  ok(alertRule('RateOfInstant').expr('rate(http_server_requests_total) > 1')),
]);
`,
  'alerts/alertmanager.ts': `${header}
export default plainResource({ kind: 'alertmanager-config', target: 'alertmanager', id: 'alertmanager', body: {
  route: { receiver: 'default', routes: [{ receiver: 'default', matchers: ['service=~"(pets"'] }] },
  receivers: [{ name: 'default' }],
} });
`,
};

interface Found {
  rule: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

function validateJson(root: string, env: NodeJS.ProcessEnv = {}) {
  const run = runCli(root, ['validate', '--json'], env);
  return {
    status: run.status,
    diagnostics: (JSON.parse(run.stdout) as { diagnostics: Found[] }).diagnostics,
  };
}

let root = '';
beforeAll(() => {
  root = tempProject(files);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(skipWithout('promtool', 'amtool'))('with promtool and amtool installed', () => {
  let found: Found[] = [];
  beforeAll(() => {
    found = validateJson(root).diagnostics.filter((d) => d.rule.startsWith('tool/'));
  }, 60_000);

  it('reports what promtool rejects at the rule that made it', () => {
    expect(
      found
        .filter((d) => d.rule === 'tool/promtool')
        .map((d) => [d.file, d.line - headerLines, d.message]),
    ).toEqual([
      [
        'alerts/type-error.ts',
        3,
        '`promtool check rules` rejects out/prometheus/rules/type-error.yaml: group "type-error", rule 2, "RateOfInstant": could not parse expression: 1:6: parse error: expected type range vector in call to function "rate", got instant vector',
      ],
    ]);
  });

  it('reports what amtool rejects at the config that made it', () => {
    const amtool = found.filter((d) => d.rule === 'tool/amtool');
    expect(amtool.map((d) => [d.file, d.line - headerLines])).toEqual([
      ['alerts/alertmanager.ts', 1],
    ]);
    expect(amtool[0]!.message).toMatch(
      /^`amtool check-config` rejects out\/alertmanager\/alertmanager\.yml: .*\(pets/,
    );
  });
});

describe('without the tools', () => {
  it('says they were skipped, as info', () => {
    const { diagnostics } = validateJson(root, { PATH: '/nonexistent', CI: '' });
    const skipped = diagnostics.filter((d) => d.rule === 'tool/unavailable');
    expect(skipped.map((d) => [d.severity, d.message])).toEqual([
      ['info', 'amtool is not installed: `amtool check-config` was skipped for 1 file(s)'],
      ['info', 'promtool is not installed: `promtool check rules` was skipped for 1 file(s)'],
    ]);
  }, 60_000);

  it('fails the build with CI=true', () => {
    const { status, diagnostics } = validateJson(root, { PATH: '/nonexistent', CI: 'true' });
    expect(status).toBe(ExitCode.invalid);
    expect(diagnostics.filter((d) => d.rule === 'tool/unavailable').map((d) => d.severity)).toEqual(
      ['error', 'error'],
    );
  }, 60_000);
});

/**
 * A stand-in for `tool` in `dir` that appends each command line it gets to a log, then runs the
 * real tool; `runs()` returns the logged lines since the last call.
 */
function loggedTool(dir: string, tool: string): { bin: string; runs: () => string[] } {
  const bin = path.join(dir, `${tool}-logged`);
  const log = path.join(dir, `${tool}.log`);
  const real = JSON.stringify(findBinary(tool));
  fs.writeFileSync(bin, `#!/bin/sh\necho "$*" >> ${JSON.stringify(log)}\nexec ${real} "$@"\n`, {
    mode: 0o755,
  });
  const runs = () => {
    const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
    fs.rmSync(log, { force: true });
    return lines;
  };
  return { bin, runs };
}

describe.skipIf(skipWithout('promtool'))('promtool verdicts are remembered', () => {
  let project = '';
  let promtool = { bin: '', runs: (): string[] => [] };
  const rules = (expr: string) => ({
    'alerts/remembered.ts': `${header}
export default prometheusRuleGroup('remembered').namespace('remembered').withRules([
  ok(alertRule('Remembered').expr('${expr}')),
]);
`,
  });
  const checked = () => promtool.runs().filter((line) => line.startsWith('check rules'));
  const validate = (env: NodeJS.ProcessEnv = {}) =>
    validateJson(project, { OBS_PROMTOOL_BIN: promtool.bin, ...env }).diagnostics.filter(
      (d) => d.rule === 'tool/promtool',
    );

  beforeAll(() => {
    project = tempProject(rules('up == 0'));
    promtool = loggedTool(project, 'promtool');
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('checks a rule file once, again only when its bytes change', () => {
    expect(validate()).toEqual([]);
    expect(checked()).toEqual(['check rules prometheus/rules/remembered.yaml']);
    expect(validate()).toEqual([]);
    expect(checked()).toEqual([]);

    fs.writeFileSync(
      path.join(project, 'alerts/remembered.ts'),
      rules('rate(http_server_requests_total) > 1')['alerts/remembered.ts'],
    );
    const rejected = validate();
    expect(rejected.map((d) => d.message)).toEqual([
      expect.stringContaining('expected type range vector in call to function "rate"'),
    ]);
    expect(checked()).toHaveLength(1);
    // A rejected file is never remembered: it is checked, and rejected, every time.
    expect(validate()).toHaveLength(1);
    expect(checked()).toHaveLength(1);
  }, 60_000);

  it('checks every time with OBS_NO_CACHE=1', () => {
    fs.writeFileSync(
      path.join(project, 'alerts/remembered.ts'),
      rules('up == 0')['alerts/remembered.ts'],
    );
    validate();
    checked();
    expect(validate({ OBS_NO_CACHE: '1' })).toEqual([]);
    expect(checked()).toEqual(['check rules prometheus/rules/remembered.yaml']);
  }, 60_000);
});

describe.skipIf(skipWithout('amtool'))('amtool verdicts', () => {
  let project = '';
  let amtool = { bin: '', runs: (): string[] => [] };
  const config = (templates: string) => ({
    'alerts/alertmanager.ts': `${header}
export default plainResource({ kind: 'alertmanager-config', target: 'alertmanager', id: 'alertmanager', body: {
  route: { receiver: 'default' },
  receivers: [{ name: 'default' }],${templates}
} });
`,
  });
  /** How many times amtool ran over two validations in a row. */
  const checks = () => {
    amtool.runs();
    validateJson(project, { OBS_AMTOOL_BIN: amtool.bin });
    validateJson(project, { OBS_AMTOOL_BIN: amtool.bin });
    return amtool.runs().length;
  };

  beforeAll(() => {
    project = tempProject(config(''));
    amtool = loggedTool(project, 'amtool');
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it('are remembered for a config without templates, not for one that names some', () => {
    expect(checks()).toBe(1);
    fs.writeFileSync(
      path.join(project, 'alerts/alertmanager.ts'),
      config(`\n  templates: ['${project}/*.tmpl'],`)['alerts/alertmanager.ts'],
    );
    expect(checks()).toBe(2);
  }, 60_000);
});
