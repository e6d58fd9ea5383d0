/**
 * Render a routing plan as an Alertmanager configuration (0.25: `matchers`, `time_intervals`).
 * Secrets never appear in the output: each channel names a file (`*_file` fields) under the
 * secrets folder, one file per environment variable named in the catalog.
 *
 * `webhookUrls` produces the variant tests run against: every receiver delivers to a webhook
 * URL instead of its real channel, with the same tree, grouping and inhibitions.
 */
import type { Channel } from '../../model/catalog.ts';
import type { PlanMatcher, PlanRoute, RoutingPlan, Timing } from './routing-plan.ts';

/** An inhibition: alerts matching `source` silence alerts matching `target` with equal labels. */
export interface InhibitRule {
  source_matchers: string[];
  target_matchers: string[];
  equal: string[];
}

/** How the Alertmanager of the platform is set up around the routing. */
export interface AlertmanagerOptions {
  /** Folder on the Alertmanager host holding one file per secret, named by its variable. */
  secretsDir: string;
  /** Outgoing mail for e-mail channels; the password is read from `<secretsDir>/<passwordEnv>`. */
  smtp: { smarthost: string; from: string; username: string; passwordEnv: string };
  inhibitRules: InhibitRule[];
  /** Tests: deliver each receiver to this URL instead of its channel. */
  webhookUrls?: (receiver: string) => string;
  /** Tests: override the timing of every route (e.g. 1s group waits). */
  timing?: Partial<Timing>;
}

/** An Alertmanager route as the config file spells it. */
export interface AmRoute {
  receiver?: string;
  group_by?: string[];
  matchers?: string[];
  continue?: boolean;
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  routes?: AmRoute[];
}

/** The Alertmanager config document. */
export interface AlertmanagerConfig {
  global: Record<string, string>;
  route: AmRoute;
  inhibit_rules: InhibitRule[];
  receivers: Record<string, unknown>[];
  time_intervals?: Record<string, unknown>[];
}

/** `label="value"`, the matcher syntax of Alertmanager's `matchers`. */
export function amMatcher([label, op, value]: PlanMatcher): string {
  return `${label}${op}${JSON.stringify(value)}`;
}

function channelConfig(channel: Channel, options: AlertmanagerOptions): Record<string, unknown> {
  const secret = (env: string) => `${options.secretsDir}/${env}`;
  switch (channel.type) {
    case 'pagerduty':
      return {
        pagerduty_configs: [
          {
            routing_key_file: secret(channel.routingKeyEnv),
            send_resolved: true,
            description: '{{ .CommonAnnotations.summary }}',
            details: {
              description: '{{ .CommonAnnotations.description }}',
              runbook_url: '{{ .CommonAnnotations.runbook_url }}',
              dashboard_url: '{{ .CommonAnnotations.dashboard_url }}',
            },
          },
        ],
      };
    case 'email':
      return { email_configs: [{ to: channel.to, send_resolved: true }] };
    case 'slack':
      return {
        slack_configs: [
          {
            api_url_file: secret(channel.webhookEnv),
            channel: channel.channel,
            send_resolved: true,
            title: '{{ .CommonAnnotations.summary }}',
            text: '{{ .CommonAnnotations.description }}\nRunbook: {{ .CommonAnnotations.runbook_url }}',
          },
        ],
      };
    case 'webhook':
      return { webhook_configs: [{ url: channel.url, send_resolved: true }] };
  }
}

function renderRoute(route: PlanRoute, options: AlertmanagerOptions): AmRoute {
  const out: AmRoute = {};
  if (route.receiver) out.receiver = route.receiver;
  if (route.matchers.length) out.matchers = route.matchers.map(amMatcher);
  if (route.continue) out.continue = true;
  Object.assign(out, route.timing, route.timing ? options.timing : undefined);
  if (route.muteTimeIntervals?.length) out.mute_time_intervals = route.muteTimeIntervals;
  if (route.routes?.length) out.routes = route.routes.map((r) => renderRoute(r, options));
  return out;
}

/** The Alertmanager config of a routing plan. */
export function alertmanagerConfig(
  plan: RoutingPlan,
  options: AlertmanagerOptions,
): AlertmanagerConfig {
  const receivers = plan.receivers.map((receiver) => {
    if (options.webhookUrls) {
      const url = options.webhookUrls(receiver.name);
      return { name: receiver.name, webhook_configs: [{ url, send_resolved: true }] };
    }
    return receiver.channel
      ? { name: receiver.name, ...channelConfig(receiver.channel, options) }
      : { name: receiver.name };
  });

  const config: AlertmanagerConfig = {
    global: {
      resolve_timeout: '5m',
      smtp_smarthost: options.smtp.smarthost,
      smtp_from: options.smtp.from,
      smtp_auth_username: options.smtp.username,
      smtp_auth_password_file: `${options.secretsDir}/${options.smtp.passwordEnv}`,
    },
    route: {
      receiver: plan.defaultReceiver,
      group_by: plan.groupBy,
      ...plan.timing,
      ...options.timing,
      routes: plan.routes.map((r) => renderRoute(r, options)),
    },
    inhibit_rules: options.inhibitRules,
    receivers,
  };
  if (plan.muteTimings.length) {
    config.time_intervals = plan.muteTimings.map((timing) => ({
      name: timing.name,
      time_intervals: timing.windows.map((w) => ({
        weekdays: w.weekdays,
        times: [{ start_time: w.startTime, end_time: w.endTime }],
        location: 'UTC',
      })),
    }));
  }
  return config;
}
