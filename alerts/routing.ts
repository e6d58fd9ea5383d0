/**
 * Routing, from the catalog's teams: the Alertmanager config (`out/alertmanager/`) and the
 * Grafana contact points, notification policy tree and mute timings
 * (`out/grafana/provisioning/alerting/`). See `alerts/lib/routing.ts` and docs/alerting.md.
 */
import { grafanaNotifications, plainResource } from '../src/builders/index.ts';
import { heartbeatRoute, platformAlertmanagerConfig, platformRoutingPlan } from './lib/routing.ts';

const plan = platformRoutingPlan();

export default [
  plainResource({
    kind: 'alertmanager-config',
    target: 'alertmanager',
    id: 'alertmanager',
    title: 'Alertmanager routing',
    body: platformAlertmanagerConfig(),
  }),
  // Grafana-managed rules never raise the Watchdog; its heartbeat route stays in Alertmanager.
  grafanaNotifications(
    plan,
    plan.routes.filter((route) => route !== heartbeatRoute),
  ),
];
