/**
 * Builders for promtool unit tests (`promtool test rules`): input series, the alerts expected
 * at an evaluation time, and the samples recording rules must produce. Expected alerts are
 * derived from the rule builder itself — its name, static labels and annotations expanded with
 * the alert's labels — so a test states only what is particular to the case.
 */
import { captureSource, type SourceLocation } from '../../model/source.ts';
import type { Resource, ResourceSource } from '../../model/resource.ts';
import type { AlertRuleBuilder } from '../rules.ts';
import { expandLabels } from './template.ts';

/** One `input_series` entry: a series and its values in promtool's expanding notation. */
export interface InputSeries {
  series: string;
  values: string;
}

/** An alert promtool must see firing, as the test file spells it. */
export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

/** One `alert_rule_test` entry; an empty `exp_alerts` asserts that nothing fires. */
export interface AlertRuleTest {
  eval_time: string;
  alertname: string;
  exp_alerts: ExpectedAlert[];
}

/** One `promql_expr_test` entry. */
export interface PromqlExprTest {
  expr: string;
  eval_time: string;
  exp_samples: { labels: string; value: number }[];
}

/** One test of a promtool test file. */
export interface UnitTestBody {
  name: string;
  interval: string;
  input_series: InputSeries[];
  alert_rule_test?: AlertRuleTest[];
  promql_expr_test?: PromqlExprTest[];
}

/** A promtool test file. */
export interface PromtoolTestBody {
  rule_files: string[];
  evaluation_interval: string;
  tests: UnitTestBody[];
}

const sortedRecord = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** `name{a="x", b="y"}` with labels sorted: the form promtool compares sample labels in. */
export function seriesText(name: string, labels: Record<string, string>): string {
  const list = Object.entries(sortedRecord(labels))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
  return `${name}{${list}}`;
}

/** One named scenario: input series and what the rules must make of them. */
export class UnitCaseBuilder {
  readonly definedAt: SourceLocation = captureSource();
  private intervalValue = '1m';
  private readonly input: InputSeries[] = [];
  private readonly alerts = new Map<string, AlertRuleTest>();
  private readonly samples: PromqlExprTest[] = [];

  constructor(private readonly name: string) {}

  /** Spacing of the input samples; 1m unless set. */
  interval(interval: string): this {
    this.intervalValue = interval;
    return this;
  }

  /** Add an input series, e.g. `series('up{service="pets"}', '1x10 0x10')`. */
  series(series: string, values: string): this {
    this.input.push({ series, values });
    return this;
  }

  /**
   * Expect `rule` to fire at `at` with the labels its query yields (`labels`, e.g. service and
   * env); the rule's static labels and its annotations, expanded, are added.
   */
  expectAlert(at: string, rule: AlertRuleBuilder, labels: Record<string, string>): this {
    const body = rule.build();
    const all = { ...labels, ...body.labels };
    const annotations: Record<string, string> = {};
    for (const [key, text] of Object.entries(body.annotations ?? {})) {
      annotations[key] = expandLabels(text, { ...all, alertname: body.alert! });
    }
    this.entry(at, body.alert!).exp_alerts.push({
      exp_labels: sortedRecord(all),
      exp_annotations: sortedRecord(annotations),
    });
    return this;
  }

  /** Expect no alert named like `rule` at `at`. */
  expectNoAlert(at: string, rule: AlertRuleBuilder): this {
    this.entry(at, rule.build().alert!);
    return this;
  }

  /** Expect `expr` (usually a recorded series) to give exactly these samples at `at`. */
  expectSamples(at: string, expr: string, samples: { labels: string; value: number }[]): this {
    this.samples.push({ expr, eval_time: at, exp_samples: samples });
    return this;
  }

  private entry(at: string, alertname: string): AlertRuleTest {
    const key = `${at}\u0000${alertname}`;
    let entry = this.alerts.get(key);
    if (!entry) {
      entry = { eval_time: at, alertname, exp_alerts: [] };
      this.alerts.set(key, entry);
    }
    return entry;
  }

  build(): UnitTestBody {
    const body: UnitTestBody = {
      name: this.name,
      interval: this.intervalValue,
      input_series: [...this.input],
    };
    if (this.alerts.size) body.alert_rule_test = [...this.alerts.values()];
    if (this.samples.length) body.promql_expr_test = [...this.samples];
    return body;
  }
}

/** A promtool test file, written to `out/prometheus/tests/<name>.test.yaml`. */
export class PromtoolTestBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  private readonly namespaces = new Set<string>();
  private readonly cases: UnitCaseBuilder[] = [];

  constructor(private readonly name: string) {}

  /** The rule groups under test; their rule files (by namespace) are loaded by the test. */
  ruleGroups(groups: ResourceSource[]): this {
    for (const resource of groups.flatMap((g) => g.toResources())) {
      if (resource.kind !== 'prometheus-rule-group') continue;
      this.namespaces.add(resource.placement.namespace ?? 'default');
    }
    return this;
  }

  withCase(testCase: UnitCaseBuilder): this {
    this.cases.push(testCase);
    return this;
  }

  withCases(cases: UnitCaseBuilder[]): this {
    this.cases.push(...cases);
    return this;
  }

  build(): PromtoolTestBody {
    return {
      rule_files: [...this.namespaces].sort().map((ns) => `../rules/${ns}.yaml`),
      evaluation_interval: '1m',
      tests: this.cases.map((c) => c.build()),
    };
  }

  toResources(): Resource[] {
    const sources: Record<string, SourceLocation> = {};
    this.cases.forEach((c, index) => (sources[`tests[${index}]`] = c.definedAt));
    return [
      {
        kind: 'promtool-test',
        target: 'prometheus',
        id: this.name,
        title: this.name,
        body: this.build(),
        source: this.definedAt,
        placement: {},
        sources,
      },
    ];
  }
}

/** Start a promtool test file. */
export function promtoolTest(name: string): PromtoolTestBuilder {
  return new PromtoolTestBuilder(name);
}

/** Start a test case. */
export function unitCase(name: string): UnitCaseBuilder {
  return new UnitCaseBuilder(name);
}
