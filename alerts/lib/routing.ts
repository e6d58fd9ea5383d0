/**
 * The platform's alert routing, derived from the catalog's teams: one plan rendered as the
 * Alertmanager config and as Grafana's contact points and policies. Tests call
 * `platformAlertmanagerConfig({ webhookUrls })` for a variant whose receivers are webhooks.
 */
import { catalog } from '../../platform/catalog.ts';
import {
  alertmanagerConfig,
  routingPlan,
  type AlertmanagerConfig,
  type AlertmanagerOptions,
  type InhibitRule,
  type PlanRoute,
  type RoutingPlan,
} from '../../src/builders/index.ts';

/** Receiver of the Watchdog heartbeat (a dead man's switch). */
export const heartbeatReceiver = 'heartbeat';

/** The Watchdog goes to the heartbeat receiver every minute, and nowhere else. */
export const heartbeatRoute: PlanRoute = {
  receiver: heartbeatReceiver,
  matchers: [['alertname', '=', 'Watchdog']],
  timing: { group_wait: '0s', group_interval: '1m', repeat_interval: '1m' },
};

/** Alerts a service outage makes redundant: its errors, latency and missing metrics. */
export const inhibitedByServiceDown = [
  'ServiceHighErrorRatio',
  'ServiceHighLatency',
  'ConsumerHighFailureRatio',
  'ConsumerSlowProcessing',
  'WorkerJobsFailing',
  'ServiceInstanceDown',
  'SloFastBurn',
  'SloSlowBurn',
];

export const inhibitRules: InhibitRule[] = [
  {
    source_matchers: ['alertname="ServiceDown"'],
    target_matchers: [`alertname=~"${inhibitedByServiceDown.join('|')}"`],
    equal: ['service', 'env'],
  },
  {
    // absent() alerts carry no env label, so these match on the service alone.
    source_matchers: ['alertname=~"ServiceDown|ServiceTargetMissing"'],
    target_matchers: ['alertname="ServiceMetricsAbsent"'],
    equal: ['service'],
  },
  {
    source_matchers: ['alertname="KafkaBrokerDown"'],
    target_matchers: ['alertname="KafkaUnderReplicatedPartitions"'],
    equal: ['env'],
  },
];

/** The routing plan of the catalog: team routes after the heartbeat route. */
export function platformRoutingPlan(): RoutingPlan {
  const heartbeat = catalog.heartbeat
    ? [{ name: heartbeatReceiver, channel: catalog.heartbeat }]
    : [{ name: heartbeatReceiver }];
  return routingPlan(catalog, {
    defaultTeam: 'platform',
    leadingRoutes: [heartbeatRoute],
    extraReceivers: heartbeat,
    pageTiming: { repeat_interval: '1h' },
  });
}

/** The settings of the platform's Alertmanager around its routing. */
export const alertmanagerSettings: AlertmanagerOptions = {
  secretsDir: '/etc/alertmanager/secrets',
  smtp: {
    smarthost: 'smtp.virtualpet.example:587',
    from: 'alertmanager@virtualpet.example',
    username: 'alertmanager',
    passwordEnv: 'SMTP_PASSWORD',
  },
  inhibitRules,
};

/** The Alertmanager config; `overrides` gives the test variant (webhooks, short timings). */
export function platformAlertmanagerConfig(
  overrides: Pick<AlertmanagerOptions, 'webhookUrls' | 'timing'> = {},
): AlertmanagerConfig {
  return alertmanagerConfig(platformRoutingPlan(), { ...alertmanagerSettings, ...overrides });
}
