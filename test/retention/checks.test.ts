/**
 * Every retention check with a failing and a passing case, on temporary projects run through
 * the real CLI: the rule id, the file and line of the policy builder call, and the message.
 */
import { describe, expect, it } from 'vitest';
import { buildersImport, runCli, tempProject } from '../helpers/project.ts';

interface JsonDiagnostic {
  rule: string;
  file: string;
  line: number;
  message: string;
}

function validate(files: Record<string, string>): JsonDiagnostic[] {
  const result = runCli(tempProject(files), ['validate', '--json']);
  const parsed = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };
  return parsed.diagnostics.filter((d) => d.rule.startsWith('retention/'));
}

const compactor = `.compactor({
    workingDirectory: '/loki/compactor',
    compactionInterval: '10m',
    deleteRequestStore: 'filesystem',
    deleteDelay: '2h',
    deleteWorkerCount: 150,
  })`;

const loki = (period: string, streams = '') => ({
  'retention/loki.ts': `import { lokiRetention } from '${buildersImport}';

export default lokiRetention('loki')
  .period('${period}')${streams}
  ${compactor};
`,
});

const prometheus = (time: string) => ({
  'retention/prometheus.ts': `import { prometheusRetention } from '${buildersImport}';

export default prometheusRetention('prometheus')
  .version('2.42.0')
  .time('${time}');
`,
});

const longRangeAlert = {
  'alerts/long.ts': `import { alertRule, prometheusRuleGroup } from '${buildersImport}';

export default prometheusRuleGroup('budget').namespace('slo').withRule(
  alertRule('budget-burn').expr('sum(rate(http_server_requests_total[40d] offset 2d)) > 1').for('1h'),
);
`,
};

describe('retention/loki-period-not-multiple-of-index', () => {
  it('fails on a default period that is not whole days, at the .period() line', () => {
    const found = validate(loki('36h'));
    expect(found).toEqual([
      {
        rule: 'retention/loki-period-not-multiple-of-index',
        severity: 'error',
        file: 'retention/loki.ts',
        line: 4,
        column: expect.any(Number),
        resource: 'retention-policy loki',
        path: 'limits_config.retention_period',
        message: "default retention `36h` (36 h) is not a multiple of Loki's 24h index period",
        hint: 'use whole days, e.g. `48h` (2d)',
      },
    ]);
  });

  it('fails on a per-stream period, at that .stream() line', () => {
    const found = validate(loki('31d', `\n  .stream('{level="debug"}', '30h')`));
    expect(found.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['retention/loki-period-not-multiple-of-index', 'retention/loki.ts', 5],
    ]);
    expect(found[0]!.message).toContain('stream {level="debug"} retention `30h`');
  });

  it('passes whole days', () => {
    expect(validate(loki('31d', `\n  .stream('{level="debug"}', '72h')`))).toEqual([]);
  });
});

describe('retention/loki-selector-invalid', () => {
  it.each([
    ['an unclosed selector', '{level="debug"', 'syntax error'],
    ['a pipeline', '{level="debug"} |= "x"', 'only a stream selector is allowed here'],
    ['an empty-compatible selector', '{level=~".*"}', 'every matcher matches the empty value'],
  ])('fails on %s', (_name, selector, error) => {
    const found = validate(loki('31d', `\n  .stream(${JSON.stringify(selector)}, '3d')`));
    expect(found.map((d) => [d.rule, d.file, d.line])).toEqual([
      ['retention/loki-selector-invalid', 'retention/loki.ts', 5],
    ]);
    expect(found[0]!.message).toContain(
      `selector \`${selector}\` is not a LogQL stream selector: ${error}`,
    );
  });
});

describe('retention/loki-selector-matches-nothing', () => {
  it('fails on a label the agents never set', () => {
    const found = validate(loki('31d', `\n  .stream('{stream="audit"}', '400d')`));
    expect(found).toMatchObject([
      {
        rule: 'retention/loki-selector-matches-nothing',
        file: 'retention/loki.ts',
        line: 5,
        message:
          'selector `{stream="audit"}` matches no stream the agents produce: the agents set no label `stream`',
      },
    ]);
  });

  it('fails on a service that is not in the catalog', () => {
    const found = validate(loki('31d', `\n\n  .stream('{service="petz", level="debug"}', '3d')`));
    expect(found).toMatchObject([
      {
        rule: 'retention/loki-selector-matches-nothing',
        line: 6,
        message:
          'selector `{service="petz", level="debug"}` matches no stream the agents produce: no catalog service, environment and level combination has these values',
      },
    ]);
  });

  it('passes selectors over catalog services, environments and levels', () => {
    const streams = `
  .stream('{service="pets", level="debug"}', '3d')
  .stream('{env=~"local|staging"}', '7d', 2)`;
    expect(validate(loki('31d', streams))).toEqual([]);
  });
});

describe('retention/metrics-shorter-than-queries', () => {
  it('fails when a catalog SLO window is longer than the retention, at the .time() line', () => {
    const found = validate(prometheus('15d'));
    expect(found).toMatchObject([
      {
        rule: 'retention/metrics-shorter-than-queries',
        file: 'retention/prometheus.ts',
        line: 5,
        message:
          'metric retention `15d` is shorter than the 30 d that the availability SLO of `gateway` (30-day window) needs',
      },
    ]);
  });

  it('fails when a rule reads further back than the retention (range plus offset)', () => {
    const found = validate({ ...prometheus('35d'), ...longRangeAlert });
    expect(found).toMatchObject([
      {
        rule: 'retention/metrics-shorter-than-queries',
        file: 'retention/prometheus.ts',
        line: 5,
        message:
          'metric retention `35d` is shorter than the 42 d that rule `budget-burn` of prometheus-rule-group `slo/budget` needs',
      },
    ]);
  });

  it('passes when the retention covers every range and window', () => {
    expect(validate({ ...prometheus('45d'), ...longRangeAlert })).toEqual([]);
  });
});
