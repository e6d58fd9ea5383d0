/**
 * The routing of alerts, derived from the catalog's teams once and rendered twice: as an
 * Alertmanager config (`alertmanager.ts`) and as Grafana contact points, notification policies
 * and mute timings (`grafana-notifications.ts`). Both therefore route the same labels to the
 * same people:
 *
 * - `team=<t>, severity=critical` → `<t>-primary` and, through `continue: true`, `<t>-fallback`
 *   as well, so a page arrives even when the primary channel is failing;
 * - `team=<t>, severity=warning` → `<t>-tickets`, muted during the team's maintenance windows;
 * - any other severity of the team → `<t>-tickets`; an alert without a known team → the default
 *   receiver.
 */
import type { Catalog, Channel, MaintenanceWindow } from '../../model/catalog.ts';

/** What a receiver is for: paging first, paging when the first fails, or tickets. */
export type ChannelRole = 'primary' | 'fallback' | 'tickets';

/** A label matcher as Grafana's `object_matchers` spell it: `[label, op, value]`. */
export type PlanMatcher = [string, '=' | '!=' | '=~' | '!~', string];

/** Notification timing of a route. */
export interface Timing {
  group_wait: string;
  group_interval: string;
  repeat_interval: string;
}

/** One route of the tree, independent of the server it is rendered for. */
export interface PlanRoute {
  receiver?: string;
  matchers: PlanMatcher[];
  continue?: boolean;
  timing?: Partial<Timing>;
  muteTimeIntervals?: string[];
  routes?: PlanRoute[];
}

/** A named receiver and the channel it delivers to. */
export interface PlanReceiver {
  name: string;
  channel?: Channel;
}

/** A named set of weekly windows. */
export interface PlanMuteTiming {
  name: string;
  windows: MaintenanceWindow[];
}

/** The whole routing: receivers, the tree under a root receiver, and mute timings. */
export interface RoutingPlan {
  defaultReceiver: string;
  groupBy: string[];
  timing: Timing;
  receivers: PlanReceiver[];
  routes: PlanRoute[];
  muteTimings: PlanMuteTiming[];
}

/** Extra choices of a routing plan. */
export interface RoutingPlanOptions {
  /** Routes placed before the team routes (e.g. the Watchdog heartbeat). */
  leadingRoutes?: PlanRoute[];
  /** Receivers those routes use, beside the teams' own. */
  extraReceivers?: PlanReceiver[];
  /** Team whose tickets receive alerts no team route matched. */
  defaultTeam: string;
  groupBy?: string[];
  timing?: Partial<Timing>;
  /** Timing of pages (critical), which repeat sooner than tickets. */
  pageTiming?: Partial<Timing>;
}

/** The receiver name of a team's channel: `<team>-<role>`. */
export function receiverName(team: string, role: ChannelRole): string {
  return `${team}-${role}`;
}

/** The mute timing name of a team's maintenance window: `<team>-<window>`. */
export function muteTimingName(team: string, window: MaintenanceWindow): string {
  return `${team}-${window.name}`;
}

const defaultTiming: Timing = { group_wait: '30s', group_interval: '5m', repeat_interval: '4h' };

/** Build the plan from the catalog; throws naming the team when the default team is unknown. */
export function routingPlan(catalog: Catalog, options: RoutingPlanOptions): RoutingPlan {
  if (!catalog.teams.some((t) => t.name === options.defaultTeam)) {
    const known = catalog.teams.map((t) => t.name).join(', ');
    throw new Error(
      `routing: default team \`${options.defaultTeam}\` is not in the catalog (${known})`,
    );
  }

  const receivers: PlanReceiver[] = [...(options.extraReceivers ?? [])];
  const muteTimings: PlanMuteTiming[] = [];
  const teamRoutes: PlanRoute[] = [];
  for (const team of catalog.teams) {
    const roles: [ChannelRole, Channel][] = [
      ['primary', team.primary],
      ['fallback', team.fallback],
      ['tickets', team.tickets],
    ];
    for (const [role, channel] of roles)
      receivers.push({ name: receiverName(team.name, role), channel });

    const mutes = (team.maintenance ?? []).map((w) => muteTimingName(team.name, w));
    for (const window of team.maintenance ?? []) {
      muteTimings.push({ name: muteTimingName(team.name, window), windows: [window] });
    }

    const critical: PlanMatcher = ['severity', '=', 'critical'];
    teamRoutes.push({
      receiver: receiverName(team.name, 'tickets'),
      matchers: [['team', '=', team.name]],
      routes: [
        {
          receiver: receiverName(team.name, 'primary'),
          matchers: [critical],
          continue: true,
          ...(options.pageTiming ? { timing: options.pageTiming } : {}),
        },
        {
          receiver: receiverName(team.name, 'fallback'),
          matchers: [critical],
          ...(options.pageTiming ? { timing: options.pageTiming } : {}),
        },
        {
          receiver: receiverName(team.name, 'tickets'),
          matchers: [['severity', '=', 'warning']],
          ...(mutes.length ? { muteTimeIntervals: mutes } : {}),
        },
      ],
    });
  }

  return {
    defaultReceiver: receiverName(options.defaultTeam, 'tickets'),
    groupBy: options.groupBy ?? ['alertname', 'env', 'service'],
    timing: { ...defaultTiming, ...options.timing },
    receivers,
    routes: [...(options.leadingRoutes ?? []), ...teamRoutes],
    muteTimings,
  };
}
