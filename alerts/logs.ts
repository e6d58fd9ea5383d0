/**
 * Log-based alerts, evaluated by the Loki ruler in LogQL, per catalog service. Streams carry the
 * labels `service`, `env` and `level` (`src/conventions/log-fields.ts`); everything else is a
 * JSON field read with `| json`.
 * - `ServiceErrorLogsAboveNormal`: error lines per second well above the service's own rate of
 *   the last day (3×, and at least 0.05/s), or above 0.5/s outright (which also covers a
 *   service that logged no error in a day, where there is no "normal" to compare with);
 * - `ServiceUnhandledException`: a fatal line or Node.js reporting an uncaught exception or an
 *   unhandled rejection;
 * - `ConsumerCrashLoop` (Kafka consumers): the Kafka client crashing and restarting the
 *   consumer over and over.
 */
import { catalog } from '../platform/catalog.ts';
import type { Service } from '../src/model/catalog.ts';
import { logFields } from '../src/conventions/log-fields.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { lokiRuleGroup, streamSelector, type AlertRuleBuilder } from '../src/builders/index.ts';
import { serviceAlert } from './lib/alert.ts';

const by = `sum by (${logFields.service}, ${logFields.env})`;
const stream = (service: string, level?: string) =>
  streamSelector({ [logFields.service]: service, ...(level ? { [logFields.level]: level } : {}) });

/** Error lines per second of a service over `window`. */
function errorRate(service: string, window: string): string {
  return `${by} (rate(${stream(service, 'error')}[${window}]))`;
}

/** The log alerts of one service, by name. */
export type LogAlerts = Record<string, AlertRuleBuilder>;

function logAlerts(s: Service): LogAlerts {
  const now = errorRate(s.name, '5m');
  const alerts: LogAlerts = {
    ServiceErrorLogsAboveNormal: serviceAlert('ServiceErrorLogsAboveNormal', s)
      .expr(
        `(\n  ${now} > 3 * ${errorRate(s.name, '1d')}\n  and\n  ${now} > 0.05\n)\nor\n${now} > 0.5`,
      )
      .for('10m')
      .severity('warning')
      .summary(`${s.title} logs errors far above its normal rate`)
      .description(
        `${s.name} writes error lines at more than 3× its rate of the last day (or more than ` +
          '0.5 a second). The error logs show which error types are new.',
      )
      .dashboard(`/d/${dashboardUids.logs}`),
    ServiceUnhandledException: serviceAlert('ServiceUnhandledException', s)
      .expr(
        `${by} (count_over_time(${stream(s.name, 'fatal')}[5m]))\nor\n` +
          `${by} (count_over_time(${stream(s.name)} |~ "(?i)(uncaught exception|unhandled ?(promise )?rejection)" [5m]))`,
      )
      .severity('critical')
      .summary(`${s.title} crashed on an unhandled exception`)
      .description(
        `${s.name} logged a fatal error or an uncaught exception / unhandled rejection in the ` +
          'last 5 minutes: the process exits on it. The log line has the stack.',
      )
      .dashboard(`/d/${dashboardUids.errors}`),
  };
  if (s.kind === 'kafka-consumer') {
    alerts.ConsumerCrashLoop = serviceAlert('ConsumerCrashLoop', s)
      .expr(
        `${by} (count_over_time(${stream(s.name)} |~ "(?i)(consumer.*crash|restarting the consumer)" [15m])) > 3`,
      )
      .severity('critical')
      .summary(`${s.title}: Kafka consumer is crash-looping`)
      .description(
        `The Kafka consumer of ${s.name} crashed and restarted more than 3 times in 15 ` +
          'minutes; it makes no progress and lag grows.',
      )
      .dashboard(`/d/${dashboardUids.logs}`);
  }
  return alerts;
}

export const logAlertsByService = new Map(catalog.services.map((s) => [s.name, logAlerts(s)]));

export default lokiRuleGroup('service-logs')
  .namespace('services')
  .interval('1m')
  .withRules([...logAlertsByService.values()].flatMap((a) => Object.values(a)));
