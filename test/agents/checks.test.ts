/**
 * The agent checks with a failing and a passing case each, on temporary projects run through the
 * real CLI: rule id, file, line and message.
 */
import { describe, expect, it } from 'vitest';
import { buildersImport, runCli, tempProject } from '../helpers/project.ts';

interface JsonDiagnostic {
  rule: string;
  file: string;
  line: number;
  path: string | null;
  message: string;
}

function validate(files: Record<string, string>): JsonDiagnostic[] {
  const result = runCli(tempProject(files), ['validate', '--json']);
  const parsed = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };
  return parsed.diagnostics.filter((d) => d.rule.startsWith('agents/'));
}

const promtail = (labels: string) => ({
  'agents/hand-written.ts': `import { plainResource } from '${buildersImport}';

export default plainResource({
  kind: 'agent-config',
  target: 'agent',
  id: 'promtail/hand-written.yaml',
  body: {
    scrape_configs: [
      {
        job_name: 'app',
        static_configs: [{ targets: ['localhost'], labels: { service: 'pets', __path__: '/x/*.log' } }],
        pipeline_stages: [{ json: { expressions: { level: 'level' } } }, { labels: ${labels} }],
      },
    ],
  },
});
`,
});

const alloy = (text: string) => ({
  'agents/hand-written.ts': `import { plainResource } from '${buildersImport}';

export default plainResource({
  kind: 'agent-config',
  target: 'agent',
  id: 'alloy/hand-written.alloy',
  body: ${JSON.stringify(text)},
});
`,
});

describe('agents/stream-label-unbounded', () => {
  it('fails on an id made a label in a Promtail pipeline', () => {
    expect(validate(promtail("{ level: '', request_id: '' }"))).toEqual([
      {
        rule: 'agents/stream-label-unbounded',
        severity: 'error',
        file: 'agents/hand-written.ts',
        line: 3,
        column: expect.any(Number),
        resource: 'agent-config promtail/hand-written.yaml',
        path: 'scrape_configs[0].pipeline_stages[1].labels.request_id',
        message:
          'agent config makes `request_id` a stream label; only service, env, level may be labels',
        hint: 'keep the field in the JSON line and filter it with `| json` in LogQL',
      },
    ]);
  });

  it('fails on an id made a label in an Alloy pipeline', () => {
    const text = 'loki.process "a" {\n\tstage.labels {\n\t\tvalues = { trace_id = "" }\n\t}\n}\n';
    expect(validate(alloy(text))).toMatchObject([
      {
        rule: 'agents/stream-label-unbounded',
        line: 3,
        path: 'loki.process "a" > stage.labels',
        message:
          'agent config makes `trace_id` a stream label; only service, env, level may be labels',
      },
    ]);
  });

  it('passes bounded labels', () => {
    expect(validate(promtail("{ level: '' }"))).toEqual([]);
  });
});

describe('agents/alloy-syntax', () => {
  it('fails on an Alloy config that does not parse', () => {
    expect(
      validate(alloy('loki.write "default" {\n\tendpoint {\n\t\turl = \n\t}\n}\n')),
    ).toMatchObject([
      {
        rule: 'agents/alloy-syntax',
        file: 'agents/hand-written.ts',
        line: 3,
        message: 'Alloy config does not parse: line 4: expected a value, found `}`',
      },
    ]);
  });

  it('passes one that does', () => {
    expect(
      validate(alloy('loki.write "default" {\n\tendpoint {\n\t\turl = "http://x"\n\t}\n}\n')),
    ).toEqual([]);
  });
});
