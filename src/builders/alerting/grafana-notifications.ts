/**
 * Render a routing plan as Grafana alerting resources in the file-provisioning format
 * (contract §3.4): contact points, one notification policy tree and mute timings. Credentials
 * are `${VAR}` placeholders, which Grafana expands from its environment when it reads the file;
 * nothing secret is written to `out/`.
 */
import type { Channel } from '../../model/catalog.ts';
import type { Resource, ResourceSource } from '../../model/resource.ts';
import { captureSource } from '../../model/source.ts';
import type { PlanRoute, RoutingPlan } from './routing-plan.ts';

/** One integration of a contact point. */
export interface GrafanaIntegration {
  uid: string;
  type: string;
  settings: Record<string, unknown>;
  disableResolveMessage: boolean;
}

/** A contact point as the provisioning file spells it. */
export interface GrafanaContactPoint {
  orgId: number;
  name: string;
  receivers: GrafanaIntegration[];
}

/** A notification policy (route) as Grafana's provisioning file and API spell it. */
export interface GrafanaPolicy {
  receiver?: string;
  group_by?: string[];
  object_matchers?: [string, string, string][];
  continue?: boolean;
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  routes?: GrafanaPolicy[];
}

const env = (name: string) => `\${${name}}`;

/** The Grafana integration type and settings of a catalog channel. */
export function grafanaIntegration(
  channel: Channel,
): Pick<GrafanaIntegration, 'type' | 'settings'> {
  switch (channel.type) {
    case 'pagerduty':
      return { type: 'pagerduty', settings: { integrationKey: env(channel.routingKeyEnv) } };
    case 'email':
      return { type: 'email', settings: { addresses: channel.to, singleEmail: false } };
    case 'slack':
      return {
        type: 'slack',
        settings: { url: env(channel.webhookEnv), recipient: channel.channel },
      };
    case 'webhook':
      return { type: 'webhook', settings: { url: channel.url } };
  }
}

function renderPolicy(route: PlanRoute): GrafanaPolicy {
  const out: GrafanaPolicy = {};
  if (route.receiver) out.receiver = route.receiver;
  if (route.matchers.length) out.object_matchers = route.matchers.map((m) => [...m]);
  if (route.continue) out.continue = true;
  Object.assign(out, route.timing);
  if (route.muteTimeIntervals?.length) out.mute_time_intervals = route.muteTimeIntervals;
  if (route.routes?.length) out.routes = route.routes.map(renderPolicy);
  return out;
}

/** The policy tree of a plan, as `PUT /api/v1/provisioning/policies` takes it. */
export function grafanaPolicyTree(plan: RoutingPlan, routes = plan.routes): GrafanaPolicy {
  return {
    receiver: plan.defaultReceiver,
    group_by: plan.groupBy,
    ...plan.timing,
    routes: routes.map(renderPolicy),
  };
}

/**
 * Grafana contact points, policy tree and mute timings of a plan, as resources. Only receivers
 * with a channel become contact points; `routes` lets the caller leave out routes that only
 * Prometheus alerts need (e.g. the Watchdog heartbeat).
 */
export function grafanaNotifications(
  plan: RoutingPlan,
  routes: PlanRoute[] = plan.routes,
): ResourceSource {
  const source = captureSource();
  const used = new Set<string>([plan.defaultReceiver]);
  const walk = (r: PlanRoute) => {
    if (r.receiver) used.add(r.receiver);
    r.routes?.forEach(walk);
  };
  routes.forEach(walk);

  const resource = <B>(kind: Resource['kind'], id: string, body: B): Resource => ({
    kind,
    target: 'grafana',
    id,
    title: id,
    body,
    source,
    placement: {},
  });
  return {
    toResources: () => [
      ...plan.receivers
        .filter((r) => r.channel && used.has(r.name))
        .map((r) => {
          const integration = { uid: r.name, ...grafanaIntegration(r.channel!) };
          const body: GrafanaContactPoint = {
            orgId: 1,
            name: r.name,
            receivers: [{ ...integration, disableResolveMessage: false }],
          };
          return resource('contact-point', r.name, body);
        }),
      resource('notification-policy', 'policies', { orgId: 1, ...grafanaPolicyTree(plan, routes) }),
      ...plan.muteTimings.map((t) =>
        resource('mute-timing', t.name, {
          orgId: 1,
          name: t.name,
          time_intervals: t.windows.map((w) => ({
            times: [{ start_time: w.startTime, end_time: w.endTime }],
            weekdays: w.weekdays,
            location: 'UTC',
          })),
        }),
      ),
    ],
  };
}
