/**
 * Dashboard uids and links, in one place: dashboards set their uid from here, and alerts and
 * links point at the same constants, so a link cannot name a dashboard that does not exist.
 */

export const dashboardUids = {
  overview: 'vp-overview',
  kafka: 'vp-kafka',
  eventFlow: 'vp-event-flow',
  errors: 'vp-errors',
  logs: 'vp-logs',
  resources: 'vp-resources',
} as const;

/** The uid of a catalog service's own dashboard. */
export function serviceDashboardUid(service: string): string {
  return `svc-${service}`;
}

/** A Grafana path to a dashboard (relative, so it works behind any Grafana URL). */
export function dashboardPath(uid: string): string {
  return `/d/${uid}`;
}

/** Base URL of the runbooks; alerts link `${runbookBase}/<alert-name>`. */
export const runbookBase = 'https://runbooks.virtualpet.example';
