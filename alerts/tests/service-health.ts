/**
 * Unit tests of the service health alerts. Each scenario is one case holding every service's
 * series (their `service` labels keep them apart), and asserts the alerts of every service.
 */
import { catalog } from '../../platform/catalog.ts';
import type { Service } from '../../src/model/catalog.ts';
import { metricNames as m } from '../../src/conventions/metrics.ts';
import {
  promtoolTest,
  seriesText,
  unitCase,
  type UnitCaseBuilder,
} from '../../src/builders/index.ts';
import { redGroup } from '../../recording-rules/red.ts';
import {
  consumerTraffic,
  counter,
  flat,
  httpTraffic,
  latencyHistogram,
  serviceLabels,
  targetLabels,
} from '../lib/series.ts';
import { healthByService, healthGroup, latencyThreshold } from '../service-health.ts';

const minutes = 25;
const up = (c: UnitCaseBuilder, s: Service, values: string, instance?: string) =>
  c.series(seriesText('up', targetLabels(s.name, instance)), values);
const alerts = (s: Service) => healthByService.get(s.name)!;
const instanceLabels = (s: Service, instance?: string) => {
  const { service, env, instance: i } = targetLabels(s.name, instance);
  return { service, env, instance: i };
};

/** Series of a service doing well: up, fast, no errors, idle event loop, no restarts. */
function healthy(c: UnitCaseBuilder, s: Service, options: { up?: boolean } = {}): UnitCaseBuilder {
  if (options.up !== false) up(c, s, flat(1, minutes));
  c.series(seriesText(m.eventLoopLagP99, targetLabels(s.name)), flat(0.01, minutes));
  c.series(seriesText(m.startTime, targetLabels(s.name)), flat(1000, minutes));
  if (s.kind === 'http-api') {
    httpTraffic(c, s.name, { ok: 60, errors: 0 }, minutes);
    latencyHistogram(c, s.name, 60, { '0.05': 1 }, minutes);
  } else if (s.kind === 'kafka-consumer') {
    consumerTraffic(c, s.name, { handled: 60, failed: 0 }, minutes);
    latencyHistogram(c, s.name, 60, { '0.05': 1 }, minutes, m.processingDuration);
  } else {
    jobRuns(c, s, { success: 60, failure: 0 });
  }
  return c;
}

function jobRuns(c: UnitCaseBuilder, s: Service, perMinute: { success: number; failure: number }) {
  for (const [outcome, n] of Object.entries(perMinute)) {
    c.series(
      seriesText(m.jobRuns, { ...targetLabels(s.name), task: 'tick', outcome }),
      counter(n, minutes),
    );
  }
}

const outage = unitCase('every instance down: instance and service alerts');
const oneDown = unitCase('one of two instances down: only the instance alert');
const failing = unitCase('errors above the thresholds');
const slow = unitCase('latency above the thresholds');
const saturated = unitCase('event loop lag and restarts');
const quiet = unitCase('healthy services raise nothing');

for (const s of catalog.services) {
  const a = alerts(s);
  const labels = serviceLabels(s.name);

  up(outage, s, `1 ${flat(0, minutes)}`);
  outage.expectAlert('10m', a.ServiceInstanceDown!, instanceLabels(s));
  outage.expectAlert('10m', a.ServiceDown!, labels);

  up(oneDown, s, `1 ${flat(0, minutes)}`);
  up(oneDown, s, flat(1, minutes), `${s.name}-2:9100`);
  oneDown
    .expectAlert('10m', a.ServiceInstanceDown!, instanceLabels(s))
    .expectNoAlert('10m', a.ServiceDown!);

  if (s.kind === 'http-api') {
    httpTraffic(failing, s.name, { ok: 45, errors: 15 }, minutes);
    failing.expectAlert('20m', a.ServiceHighErrorRatio!, labels);
    latencyHistogram(slow, s.name, 60, { [String(latencyThreshold(s))]: 0, '10': 1 }, minutes);
    slow.expectAlert('20m', a.ServiceHighLatency!, labels);
  } else if (s.kind === 'kafka-consumer') {
    consumerTraffic(failing, s.name, { handled: 45, failed: 15 }, minutes);
    failing.expectAlert('20m', a.ConsumerHighFailureRatio!, labels);
    latencyHistogram(slow, s.name, 60, { '1': 0, '10': 1 }, minutes, m.processingDuration);
    slow.expectAlert('20m', a.ConsumerSlowProcessing!, labels);
  } else {
    jobRuns(failing, s, { success: 45, failure: 15 });
    failing.expectAlert('20m', a.WorkerJobsFailing!, labels);
  }

  saturated.series(seriesText(m.eventLoopLagP99, targetLabels(s.name)), flat(0.5, minutes));
  saturated.series(seriesText(m.startTime, targetLabels(s.name)), `0+60x${minutes}`);
  saturated.expectAlert('20m', a.ServiceEventLoopSaturated!, instanceLabels(s));
  saturated.expectAlert('20m', a.ServiceCrashLooping!, instanceLabels(s));

  healthy(quiet, s);
  for (const alert of Object.values(a)) quiet.expectNoAlert('20m', alert);
}

export default promtoolTest('alerts-service-health')
  .ruleGroups([redGroup, healthGroup])
  .withCases([outage, oneDown, failing, slow, saturated, quiet]);
