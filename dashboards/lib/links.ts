/**
 * Links between dashboards. Every path comes from `src/conventions/dashboards.ts`, so a link
 * cannot name a dashboard that does not exist; each keeps the time range and the variables.
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import {
  dashboardPath,
  dashboardUids,
  serviceDashboardUid,
} from '../../src/conventions/dashboards.ts';

/** The platform-wide dashboards, in the order the navigation shows them. */
export const platformDashboards = [
  { uid: dashboardUids.overview, title: 'Overview' },
  { uid: dashboardUids.kafka, title: 'Kafka' },
  { uid: dashboardUids.eventFlow, title: 'Event flow' },
  { uid: dashboardUids.errors, title: 'Errors' },
  { uid: dashboardUids.logs, title: 'Logs' },
  { uid: dashboardUids.resources, title: 'Resources' },
] as const;

/**
 * A built link. Not the SDK's `DashboardLinkBuilder`: it sets `placement: inControlsMenu`,
 * which hides a link inside the controls menu instead of the dashboard's link bar.
 */
function link(fields: Partial<sdk.DashboardLink> & Pick<sdk.DashboardLink, 'title' | 'type'>) {
  const built: sdk.DashboardLink = {
    icon: fields.type === sdk.DashboardLinkType.Dashboards ? 'dashboard' : 'external link',
    tooltip: '',
    tags: [],
    asDropdown: false,
    targetBlank: false,
    includeVars: false,
    keepTime: true,
    ...fields,
  };
  return { build: () => structuredClone(built) };
}

/** A link to a dashboard by uid, optionally with URL parameters (`var-service=pets`). */
export function dashboardLink(
  title: string,
  uid: string,
  query = '',
): cog.Builder<sdk.DashboardLink> {
  const url = query ? `${dashboardPath(uid)}?${query}` : dashboardPath(uid);
  return link({ title, type: sdk.DashboardLinkType.Link, url });
}

/** The links bar of a dashboard: every platform dashboard but itself, and a service menu. */
export function navigationLinks(self: string): cog.Builder<sdk.DashboardLink>[] {
  const links = platformDashboards
    .filter((d) => d.uid !== self)
    .map((d) => dashboardLink(d.title, d.uid, 'var-env=${env}'));
  const services = link({
    title: 'Services',
    type: sdk.DashboardLinkType.Dashboards,
    tags: ['service'],
    asDropdown: true,
  });
  return [...links, services];
}

/** A link to one service's dashboard in the current environment. */
export function serviceLink(service: string, title: string): cog.Builder<sdk.DashboardLink> {
  return dashboardLink(title, serviceDashboardUid(service), 'var-env=${env}');
}

/**
 * A data link from a table cell holding a service name to that service's dashboard. The uid is
 * `serviceDashboardUid` of the cell value, so it resolves for every catalog service.
 */
export function serviceDataLink(field = 'service'): cog.Builder<sdk.DashboardLink> {
  return dashboardLink(
    'Open the service dashboard',
    serviceDashboardUid(`\${__data.fields.${field}}`),
    'var-env=${env}&${__url_time_range}',
  );
}
