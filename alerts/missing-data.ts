/**
 * Missing data: silence is not health. A service whose target vanished from Prometheus, and a
 * service whose key metric stopped arriving although it is scraped, each raise an alert, as
 * does the Kafka exporter going quiet. (A target that is scraped but down is `ServiceDown`.)
 */
import { catalog } from '../platform/catalog.ts';
import type { Service } from '../src/model/catalog.ts';
import { metricNames as m } from '../src/conventions/metrics.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { prometheusRuleGroup, selector, type AlertRuleBuilder } from '../src/builders/index.ts';
import { serviceAlert, teamAlert } from './lib/alert.ts';

/** The metric every instance of a kind keeps sending while it works. */
export function keyMetric(service: Service): string {
  const byKind = { 'http-api': m.httpRequests, 'kafka-consumer': m.consumed, worker: m.jobRuns };
  return byKind[service.kind];
}

/** The missing-data alerts of one service. */
export interface MissingDataAlerts {
  ServiceTargetMissing: AlertRuleBuilder;
  ServiceMetricsAbsent: AlertRuleBuilder;
}

function missingDataAlerts(s: Service): MissingDataAlerts {
  const metric = keyMetric(s);
  return {
    ServiceTargetMissing: serviceAlert('ServiceTargetMissing', s)
      .expr(`absent(${selector('up', { service: s.name })})`)
      .for('5m')
      .severity('critical')
      .summary(`${s.title} has no scrape target`)
      .description(
        `Prometheus has no target for ${s.name} at all: service discovery or the scrape ` +
          'config lost it, so none of its alerts can fire.',
      ),
    ServiceMetricsAbsent: serviceAlert('ServiceMetricsAbsent', s)
      .expr(`absent_over_time(${selector(metric, { service: s.name })}[15m])`)
      .for('5m')
      .severity('warning')
      .summary(`${s.title} stopped sending ${metric}`)
      .description(
        `No ${metric} series of ${s.name} arrived for 15 minutes. Either the service gets no ` +
          'work at all or its instrumentation broke; dashboards and SLOs of it are blind.',
      ),
  };
}

export const missingByService = new Map(
  catalog.services.map((s) => [s.name, missingDataAlerts(s)]),
);

export const kafkaExporterAbsent = teamAlert('KafkaExporterAbsent', 'platform', dashboardUids.kafka)
  .expr('absent_over_time(kafka_brokers[10m])')
  .for('5m')
  .severity('warning')
  .summary('Kafka metrics are missing')
  .description(
    'No kafka_brokers series arrived for 10 minutes: kafka_exporter is down or not scraped, ' +
      'so lag and partition alerts are blind.',
  );

export const missingDataGroup = prometheusRuleGroup('missing-data')
  .namespace('missing-data')
  .withRules([
    ...[...missingByService.values()].flatMap((a) => Object.values(a)),
    kafkaExporterAbsent,
  ]);

export default missingDataGroup;
