/**
 * Every rule id validation can report, with its default severity and a one-line summary. The id
 * is the check's file name, the heading in `docs/rules.md` and what the CLI prints; a test
 * proves every id here has its docs entry and every check reports only ids listed here.
 */
import type { Severity } from '../model/diagnostic.ts';

export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
}

const rule = (id: string, severity: Severity, summary: string): RuleInfo => ({
  id,
  severity,
  summary,
});

export const ruleCatalog: RuleInfo[] = [
  rule('schema/invalid', 'error', 'an artifact does not match the JSON schema of its kind'),
  rule('promql/syntax', 'error', 'a PromQL expression does not parse'),
  rule('logql/syntax', 'error', 'a LogQL expression does not parse'),
  rule('promql/rate-non-counter', 'error', 'rate(), irate() or increase() over a non-counter'),
  rule('promql/histogram-quantile-le', 'error', 'histogram_quantile over a sum that drops `le`'),
  rule('query/high-cardinality-label', 'error', 'an id-like label in a selector or by clause'),
  rule('panel/rate-interval', 'warning', 'a dashboard rate window other than $__rate_interval'),
  rule('panel/unit-missing', 'warning', 'a panel showing numbers has no unit'),
  rule('panel/datasource-missing', 'error', 'a panel with queries names no datasource'),
  rule('alert/summary-missing', 'error', 'an alert has no summary annotation'),
  rule('alert/severity-missing', 'error', 'an alert has no severity label'),
  rule('alert/runbook-missing', 'warning', 'an alert has no runbook_url annotation'),
  rule('alert/for-too-short', 'warning', 'an alert `for:` shorter than two scrape intervals'),
  rule('metric/unknown', 'error', 'a query names a metric nothing emits'),
  rule('xref/datasource', 'error', 'a datasource uid that no datasource resource defines'),
  rule('xref/dashboard-link', 'error', 'a dashboard link to a uid that does not exist'),
  rule('xref/alert-dashboard', 'error', 'an alert dashboard_url to a uid that does not exist'),
  rule('xref/recording-rule', 'error', 'a query uses a recording rule nobody records'),
  rule('xref/receiver', 'error', 'an Alertmanager route names a receiver that does not exist'),
  rule('xref/contact-point', 'error', 'a Grafana policy names a contact point that does not exist'),
  rule('xref/mute-timing', 'error', 'a route names a mute timing that does not exist'),
  rule('xref/folder', 'error', 'a dashboard or rule group is placed in an undefined folder'),
  rule('xref/duplicate-uid', 'error', 'two resources share a Grafana uid'),
  rule('tool/promtool', 'error', '`promtool check rules` / `check config` rejects a file'),
  rule('tool/amtool', 'error', '`amtool check-config` rejects a file'),
  rule('tool/unavailable', 'info', 'promtool or amtool is not installed (an error with CI=true)'),
  rule('suppress/reason-missing', 'error', 'a suppression gives no reason'),
  rule('suppress/unknown-rule', 'error', 'a suppression names a rule id that does not exist'),
  rule('suppress/unused', 'warning', 'a suppression that no finding matched'),
];

const byId = new Map(ruleCatalog.map((r) => [r.id, r]));

/** The catalog entry of `id`; throws for an id missing from the catalog (a bug in a check). */
export function ruleInfo(id: string): RuleInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`rule id \`${id}\` is not in src/validate/rules.ts`);
  return info;
}
