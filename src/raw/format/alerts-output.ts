/** The alerts report as readable text, and as JSON for scripts. */
import { groupAlerts, type AlertsReport, type ReportAlert } from '../alerts-report.ts';
import { textTable } from './table.ts';

/** Text: alerts by severity and team/service with their links, then the silences. */
export function renderAlertsText(report: AlertsReport, now = Date.now()): string {
  const lines: string[] = [];
  const grouped = groupAlerts(report.alerts);
  if (!grouped.length) lines.push('No firing or pending alerts.');
  for (const severity of grouped) {
    const count = severity.groups.reduce((n, g) => n + g.alerts.length, 0);
    lines.push(`${severity.severity.toUpperCase()} (${count})`);
    for (const group of severity.groups) {
      lines.push(`  team ${group.team} · service ${group.service}`);
      for (const alert of group.alerts) lines.push(...alertLines(alert, now));
    }
    lines.push('');
  }
  if (grouped.length) lines.pop();

  lines.push('');
  if (!report.silences.length) {
    lines.push('No active or pending silences.');
  } else {
    lines.push(`SILENCES (${report.silences.length})`);
    const rows = report.silences.map((s) => [
      s.id,
      s.state,
      `until ${s.endsAt}`,
      s.createdBy,
      s.matchers,
      s.comment,
    ]);
    const header = ['ID', 'STATE', 'ENDS', 'BY', 'MATCHERS', 'COMMENT'].map((h) => ({ header: h }));
    lines.push(indent(textTable(header, rows), '  '));
  }
  return lines.join('\n');
}

function alertLines(alert: ReportAlert, now: number): string[] {
  const since = alert.since
    ? ` since ${alert.since.replace(/\.\d+Z$/, 'Z')} (${age(alert.since, now)})`
    : '';
  const muted = alert.silencedBy.length ? ` by silence ${alert.silencedBy.join(', ')}` : '';
  const lines = [
    `    ● ${alert.name} [${alert.state}${muted}]${since} — from ${alert.sources.join(' + ')}`,
  ];
  if (alert.summary) lines.push(`      ${alert.summary}`);
  const extra = Object.keys(alert.labels)
    .filter((k) => !['alertname', 'severity', 'team', 'service'].includes(k))
    .sort()
    .map((k) => `${k}=${alert.labels[k]}`);
  if (extra.length) lines.push(`      labels: ${extra.join(' ')}`);
  lines.push(`      runbook:   ${alert.runbookUrl ?? '(none: add a runbook_url annotation)'}`);
  lines.push(`      dashboard: ${alert.dashboardUrl ?? '(none)'}`);
  return lines;
}

function age(since: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(since)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** JSON: the grouped alerts and the silences. */
export function alertsJson(report: AlertsReport): object {
  return { groups: groupAlerts(report.alerts), silences: report.silences };
}
