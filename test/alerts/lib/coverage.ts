/**
 * Which Prometheus rules have no promtool unit test. A rule counts as tested when a test file
 * that loads its rule file
 * - for an alert: expects it to fire (`exp_alerts`) with labels that include all of the rule's
 *   static labels, so each per-service instance of an alert needs its own expectation;
 * - for a recording rule: checks an expression naming the recorded series, with a sample
 *   whose labels include all of the rule's static labels.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

interface RuleYaml {
  alert?: string;
  record?: string;
  labels?: Record<string, string>;
}

interface TestYaml {
  rule_files: string[];
  tests: {
    alert_rule_test?: {
      alertname: string;
      exp_alerts: { exp_labels?: Record<string, string> }[];
    }[];
    promql_expr_test?: { expr: string; exp_samples: { labels: string }[] }[];
  }[];
}

/** A rule without a test, named the way a person finds it. */
export interface UntestedRule {
  file: string;
  group: string;
  rule: string;
  labels: Record<string, string>;
}

const includes = (have: Record<string, string>, want: Record<string, string>) =>
  Object.entries(want).every(([k, v]) => have[k] === v);

/** Whether `expr` names the series `name` (not merely a longer name starting with it). */
function names(expr: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w:])${escaped}(?![\\w:])`).test(expr);
}

/** `{a="x", b="y"}` (with or without a metric name in front) as a record. */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const match of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
    labels[match[1]!] = JSON.parse(`"${match[2]!}"`) as string;
  }
  return labels;
}

/** Rules of every file in `rulesDir` that no test file in `testsDir` covers. */
export function untestedRules(rulesDir: string, testsDir: string): UntestedRule[] {
  const tests = fs
    .readdirSync(testsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const body = YAML.parse(fs.readFileSync(path.join(testsDir, f), 'utf8')) as TestYaml;
      const loads = body.rule_files.map((r) => path.resolve(testsDir, r));
      return { loads, cases: body.tests };
    });

  const untested: UntestedRule[] = [];
  for (const file of fs
    .readdirSync(rulesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const full = path.resolve(rulesDir, file);
    const relevant = tests.filter((t) => t.loads.includes(full)).flatMap((t) => t.cases);
    const doc = YAML.parse(fs.readFileSync(full, 'utf8')) as {
      groups: { name: string; rules: RuleYaml[] }[];
    };
    for (const group of doc.groups) {
      for (const rule of group.rules) {
        const labels = rule.labels ?? {};
        const covered = rule.alert
          ? relevant.some((c) =>
              (c.alert_rule_test ?? []).some(
                (t) =>
                  t.alertname === rule.alert &&
                  t.exp_alerts.some((a) => includes(a.exp_labels ?? {}, labels)),
              ),
            )
          : relevant.some((c) =>
              (c.promql_expr_test ?? []).some(
                (t) =>
                  names(t.expr, rule.record!) &&
                  t.exp_samples.some((s) => includes(parseLabels(s.labels), labels)),
              ),
            );
        if (!covered) {
          untested.push({ file, group: group.name, rule: (rule.alert ?? rule.record)!, labels });
        }
      }
    }
  }
  return untested;
}
