/**
 * Alerts about alerting itself:
 * - `Watchdog` always fires. Alertmanager forwards it to the heartbeat receiver every minute; a
 *   dead man's switch there pages when the pings stop, i.e. when Prometheus, its rule
 *   evaluation or Alertmanager is down.
 * - `AlertmanagerNotificationsFailing`: a notification failed after all retries. It is critical
 *   for the platform team, so it reaches both its primary and its fallback channel: whichever
 *   integration is broken, the other one still tells someone.
 */
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { prometheusRuleGroup } from '../src/builders/index.ts';
import { teamAlert } from './lib/alert.ts';

export const watchdog = teamAlert('Watchdog', 'platform', dashboardUids.overview)
  .expr('vector(1)')
  .suppress('alert/for-too-short', 'always firing by design; a `for:` only delays the heartbeat')
  .severity('info')
  .summary('Alerting pipeline heartbeat')
  .description(
    'Always firing, on purpose: it proves rule evaluation, Prometheus → Alertmanager and ' +
      'Alertmanager → heartbeat receiver all work. Its absence at the receiver is the alert.',
  );

export const notificationsFailing = teamAlert(
  'AlertmanagerNotificationsFailing',
  'platform',
  dashboardUids.overview,
)
  .expr('sum by (integration, env) (increase(alertmanager_notifications_failed_total[5m])) > 0')
  .for('1m')
  .severity('critical')
  .summary('Alertmanager fails to deliver {{ $labels.integration }} notifications')
  .description(
    'Notifications through {{ $labels.integration }} failed after every retry in the last 5 ' +
      'minutes: the alerts routed there reach nobody but their fallback. Check the ' +
      'integration credentials and the provider status.',
  );

export const alertingGroup = prometheusRuleGroup('alerting-pipeline')
  .namespace('alerting')
  .interval('15s')
  .withRules([watchdog, notificationsFailing]);

export default alertingGroup;
