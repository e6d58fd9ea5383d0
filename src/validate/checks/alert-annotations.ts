/**
 * `alert/summary-missing`, `alert/severity-missing`, `alert/runbook-missing`: the person paged at
 * night reads the summary, is routed by the severity, and acts on the runbook. An alert without
 * them wakes someone up with nothing to go on.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { alertsOf } from '../alerts-of.ts';
import { ruleInfo } from '../rules.ts';

/** The severities routing knows (`AlertSeverity` in builders/rules.ts). */
const severities = ['critical', 'warning', 'info'];

export const alertAnnotations: Check = {
  rules: ['alert/summary-missing', 'alert/severity-missing', 'alert/runbook-missing'],
  run({ resources }) {
    return alertsOf(resources).flatMap((alert) => {
      const found: Diagnostic[] = [];
      const report = (rule: string, path: string, message: string, hint: string) =>
        found.push(
          finding(
            rule,
            ruleInfo(rule).severity,
            alert.resource,
            `${alert.path}.${path}`,
            `alert \`${alert.name}\` ${message}`,
            hint,
          ),
        );

      if (!alert.annotations.summary?.trim()) {
        report(
          'alert/summary-missing',
          'annotations.summary',
          'has no `summary` annotation',
          "call .summary('…'): one line naming what is wrong and where",
        );
      }
      const severity = alert.labels.severity;
      if (!severity) {
        report(
          'alert/severity-missing',
          'labels.severity',
          'has no `severity` label',
          `call .severity(${severities.map((s) => `'${s}'`).join(' | ')}); routing pages on critical`,
        );
      } else if (!severities.includes(severity)) {
        report(
          'alert/severity-missing',
          'labels.severity',
          `has severity \`${severity}\`, which routing does not know`,
          `use one of ${severities.join(', ')}`,
        );
      }
      if (!alert.annotations.runbook_url?.trim()) {
        report(
          'alert/runbook-missing',
          'annotations.runbook_url',
          'has no `runbook_url` annotation',
          'call .runbook(`${runbookBase}/<alert>`) (src/conventions/dashboards.ts)',
        );
      }
      return found;
    });
  },
};
