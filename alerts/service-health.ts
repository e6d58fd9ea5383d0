/**
 * Health of every catalog service, generated per service from its kind:
 * - down: one instance (`ServiceInstanceDown`, ticket) or all of them (`ServiceDown`, page);
 * - errors: 5xx ratio of HTTP services, failure ratio of Kafka consumers, failing worker jobs;
 * - latency: p95 of HTTP requests against the latency SLO threshold (1 s without one), p95 of
 *   event processing;
 * - saturation: event loop lag, and restarts (a crash loop).
 * Latency and error alerts are inhibited while `ServiceDown` fires for the same service
 * (`alerts/routing.ts`).
 */
import { catalog } from '../platform/catalog.ts';
import type { Service } from '../src/model/catalog.ts';
import { metricNames as m } from '../src/conventions/metrics.ts';
import {
  prometheusRuleGroup,
  rate,
  selector,
  sumBy,
  type AlertRuleBuilder,
} from '../src/builders/index.ts';
import { recorded } from '../recording-rules/lib/names.ts';
import { serviceAlert } from './lib/alert.ts';

/** Thresholds shared by every service; a service's latency SLO overrides the latency one. */
export const healthThresholds = {
  errorRatio: 0.05,
  consumerFailureRatio: 0.05,
  jobFailureRatio: 0.1,
  latencySeconds: 1,
  processingSeconds: 1,
  eventLoopLagSeconds: 0.2,
  restartsIn15m: 2,
};
const t = healthThresholds;

/** The HTTP latency threshold of a service: its latency SLO's, else the default. */
export function latencyThreshold(service: Service): number {
  const slo = service.slos.find((s) => s.kind === 'latency');
  return slo?.kind === 'latency' ? slo.thresholdSeconds : t.latencySeconds;
}

/** The health alerts of one service, by name, so unit tests can name each. */
export type HealthAlerts = Record<string, AlertRuleBuilder>;

function commonAlerts(s: Service): HealthAlerts {
  const own = { service: s.name };
  return {
    ServiceInstanceDown: serviceAlert('ServiceInstanceDown', s)
      .expr(`max by (service, env, instance) (${selector('up', own)}) == 0`)
      .for('2m')
      .severity('warning')
      .summary(`${s.title}: instance {{ $labels.instance }} is down`)
      .description(
        `Prometheus has not scraped {{ $labels.instance }} of ${s.name} for 2 minutes; ` +
          'the other instances carry its load.',
      ),
    ServiceDown: serviceAlert('ServiceDown', s)
      .expr(`max by (service, env) (${selector('up', own)}) == 0`)
      .for('2m')
      .severity('critical')
      .summary(`${s.title} is down in {{ $labels.env }}`)
      .description(
        `No instance of ${s.name} could be scraped for 2 minutes. Its latency and error ` +
          'alerts are silenced while this fires.',
      ),
    ServiceEventLoopSaturated: serviceAlert('ServiceEventLoopSaturated', s)
      .expr(
        `max by (service, env, instance) (${selector(m.eventLoopLagP99, own)}) > ${t.eventLoopLagSeconds}`,
      )
      .for('10m')
      .severity('warning')
      .summary(`${s.title}: event loop of {{ $labels.instance }} is saturated`)
      .description(
        `The p99 event loop lag of {{ $labels.instance }} stays above ${t.eventLoopLagSeconds}s: ` +
          'the process has more work than one core can do; requests and events queue up.',
      ),
    ServiceCrashLooping: serviceAlert('ServiceCrashLooping', s)
      .expr(
        `max by (service, env, instance) (changes(${selector(m.startTime, own)}[15m])) > ${t.restartsIn15m}`,
      )
      .for('1m')
      .severity('warning')
      .summary(`${s.title}: {{ $labels.instance }} keeps restarting`)
      .description(
        `{{ $labels.instance }} restarted more than ${t.restartsIn15m} times in 15 minutes; ` +
          'its fatal logs say why.',
      ),
  };
}

function httpAlerts(s: Service): HealthAlerts {
  const own = { service: s.name };
  const latency = latencyThreshold(s);
  return {
    ServiceHighErrorRatio: serviceAlert('ServiceHighErrorRatio', s)
      .expr(`${selector(recorded.httpErrorRatio, own)} > ${t.errorRatio}`)
      .for('5m')
      .severity('critical')
      .summary(`${s.title}: more than ${t.errorRatio * 100}% of requests fail`)
      .description(
        `Over 5 minutes more than ${t.errorRatio * 100}% of the requests to ${s.name} in ` +
          '{{ $labels.env }} were answered with a 5xx status.',
      ),
    ServiceHighLatency: serviceAlert('ServiceHighLatency', s)
      .expr(`${selector(recorded.httpLatencyP95, own)} > ${latency}`)
      .for('10m')
      .severity('warning')
      .summary(`${s.title}: p95 latency above ${latency}s`)
      .description(
        `The 95th percentile of request duration of ${s.name} in {{ $labels.env }} stayed ` +
          `above ${latency}s for 10 minutes.`,
      ),
  };
}

function consumerAlerts(s: Service): HealthAlerts {
  const own = { service: s.name };
  return {
    ConsumerHighFailureRatio: serviceAlert('ConsumerHighFailureRatio', s)
      .expr(`${selector(recorded.consumerFailureRatio, own)} > ${t.consumerFailureRatio}`)
      .for('10m')
      .severity('warning')
      .summary(`${s.title}: more than ${t.consumerFailureRatio * 100}% of events fail`)
      .description(
        `More than ${t.consumerFailureRatio * 100}% of the events ${s.name} consumed failed ` +
          'after every retry and went to the dead-letter topic.',
      ),
    ConsumerSlowProcessing: serviceAlert('ConsumerSlowProcessing', s)
      .expr(`${selector(recorded.consumerLatencyP95, own)} > ${t.processingSeconds}`)
      .for('15m')
      .severity('warning')
      .summary(`${s.title}: p95 event processing above ${t.processingSeconds}s`)
      .description(
        `Handling one event takes ${s.name} more than ${t.processingSeconds}s at the 95th ` +
          'percentile; consumer lag will grow.',
      ),
  };
}

function workerAlerts(s: Service): HealthAlerts {
  const runs = (outcome?: string) =>
    sumBy(
      ['service', 'env'],
      rate(selector(m.jobRuns, { service: s.name, ...(outcome ? { outcome } : {}) }), '15m'),
    );
  return {
    WorkerJobsFailing: serviceAlert('WorkerJobsFailing', s)
      .expr(`${runs('failure')}\n/\n(${runs()} > 0)\n> ${t.jobFailureRatio}`)
      .for('15m')
      .severity('warning')
      .summary(`${s.title}: more than ${t.jobFailureRatio * 100}% of job runs fail`)
      .description(
        `Over 15 minutes more than ${t.jobFailureRatio * 100}% of the job runs of ${s.name} failed.`,
      ),
  };
}

/** Every health alert of `service`. */
export function healthAlerts(service: Service): HealthAlerts {
  const byKind = { 'http-api': httpAlerts, 'kafka-consumer': consumerAlerts, worker: workerAlerts };
  return { ...commonAlerts(service), ...byKind[service.kind](service) };
}

export const healthByService = new Map(catalog.services.map((s) => [s.name, healthAlerts(s)]));

export const healthGroup = prometheusRuleGroup('service-health')
  .namespace('services')
  .withRules([...healthByService.values()].flatMap((alerts) => Object.values(alerts)));

export default healthGroup;
