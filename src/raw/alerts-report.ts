/**
 * `obs alerts` as a library: the alerts of Alertmanager and of Prometheus' rules merged into one
 * list (an alert both know is shown once, naming both), grouped by severity, team and service,
 * with their runbook and dashboard links; and the silences that are active or pending.
 */
import type { AmAlert, AmSilence } from './alertmanager.ts';
import type { PrometheusAlert } from './prometheus.ts';
import type { Labels } from './series.ts';

/** How an alert stands: silenced and inhibited come from Alertmanager, pending from Prometheus. */
export type AlertState = 'firing' | 'pending' | 'silenced' | 'inhibited';

/** One alert as the report shows it. */
export interface ReportAlert {
  name: string;
  severity: string;
  team: string;
  service: string;
  state: AlertState;
  since?: string;
  summary?: string;
  runbookUrl?: string;
  dashboardUrl?: string;
  labels: Labels;
  /** `alertmanager`, `prometheus` or both. */
  sources: string[];
  /** Silence ids muting it. */
  silencedBy: string[];
}

/** A silence as the report shows it, matchers written as PromQL matchers. */
export interface ReportSilence {
  id: string;
  state: string;
  matchers: string;
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** Alerts sorted by severity, team, service and name; silences by end time. */
export interface AlertsReport {
  alerts: ReportAlert[];
  silences: ReportSilence[];
}

/** Severities first by urgency; unknown ones after, alphabetically. */
const severityOrder = ['critical', 'page', 'error', 'warning', 'info', 'none'];

/** Where to put relative dashboard links (`/d/uid`): a Grafana base URL, when known. */
export interface ReportOptions {
  grafanaUrl?: string;
}

/** Merge, de-duplicate and sort; `am` or `prom` may be missing when that backend was not asked. */
export function buildReport(
  am: AmAlert[] | undefined,
  prom: PrometheusAlert[] | undefined,
  silences: AmSilence[] | undefined,
  options: ReportOptions = {},
): AlertsReport {
  const byKey = new Map<string, ReportAlert>();
  for (const alert of am ?? []) {
    const state: AlertState =
      alert.status.silencedBy.length > 0
        ? 'silenced'
        : alert.status.inhibitedBy.length > 0
          ? 'inhibited'
          : 'firing';
    const entry = toEntry(alert.labels, alert.annotations, state, alert.startsAt, options);
    entry.sources.push('alertmanager');
    entry.silencedBy = [...alert.status.silencedBy].sort();
    byKey.set(labelKey(alert.labels), entry);
  }
  for (const alert of prom ?? []) {
    if (alert.state === 'inactive') continue;
    const key = labelKey(alert.labels);
    const known = byKey.get(key);
    if (known) {
      known.sources.push('prometheus');
      continue;
    }
    const state: AlertState = alert.state === 'pending' ? 'pending' : 'firing';
    const entry = toEntry(alert.labels, alert.annotations, state, alert.activeAt, options);
    entry.sources.push('prometheus');
    byKey.set(key, entry);
  }

  const alerts = [...byKey.values()].sort(compareAlerts);
  const shown = (silences ?? []).filter((s) => s.status.state !== 'expired').map(toSilence);
  shown.sort((a, b) => (a.endsAt < b.endsAt ? -1 : a.endsAt > b.endsAt ? 1 : a.id < b.id ? -1 : 1));
  return { alerts, silences: shown };
}

function toEntry(
  labels: Labels,
  annotations: Labels,
  state: AlertState,
  since: string | undefined,
  options: ReportOptions,
): ReportAlert {
  return {
    name: labels.alertname ?? '(no alertname)',
    severity: labels.severity ?? 'none',
    team: labels.team ?? '-',
    service: labels.service ?? '-',
    state,
    since,
    summary: annotations.summary ?? annotations.description,
    runbookUrl: annotations.runbook_url,
    dashboardUrl: absolute(annotations.dashboard_url, options.grafanaUrl),
    labels,
    sources: [],
    silencedBy: [],
  };
}

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link || !base || !link.startsWith('/')) return link;
  return base.replace(/\/+$/, '') + link;
}

/** Alerts that differ only in Alertmanager-added external labels still differ: keys are exact. */
function labelKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}

function severityRank(severity: string): number {
  const index = severityOrder.indexOf(severity);
  return index === -1 ? severityOrder.length : index;
}

function compareAlerts(a: ReportAlert, b: ReportAlert): number {
  const keys = (x: ReportAlert) => [
    String(severityRank(x.severity)).padStart(3, '0'),
    x.severity,
    x.team,
    x.service,
    x.name,
    labelKey(x.labels),
  ];
  const ka = keys(a).join('\u0000');
  const kb = keys(b).join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function toSilence(silence: AmSilence): ReportSilence {
  const matchers = silence.matchers
    .map((m) => `${m.name}${m.isEqual === false ? '!' : ''}${m.isRegex ? '=~' : '='}"${m.value}"`)
    .join(', ');
  return {
    id: silence.id,
    state: silence.status.state,
    matchers: `{${matchers}}`,
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
  };
}

/** Alerts grouped by severity, then `team / service`, in report order. */
export function groupAlerts(
  alerts: ReportAlert[],
): { severity: string; groups: { team: string; service: string; alerts: ReportAlert[] }[] }[] {
  const result: ReturnType<typeof groupAlerts> = [];
  for (const alert of alerts) {
    let severity = result[result.length - 1];
    if (severity?.severity !== alert.severity) {
      severity = { severity: alert.severity, groups: [] };
      result.push(severity);
    }
    let group = severity.groups[severity.groups.length - 1];
    if (group?.team !== alert.team || group.service !== alert.service) {
      group = { team: alert.team, service: alert.service, alerts: [] };
      severity.groups.push(group);
    }
    group.alerts.push(alert);
  }
  return result;
}
