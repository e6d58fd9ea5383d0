/** Unit tests of the RED recording rules: known traffic in, exact aggregates out. */
import { metricNames as m } from '../../src/conventions/metrics.ts';
import { promtoolTest, seriesText, unitCase } from '../../src/builders/index.ts';
import {
  consumerTraffic,
  counter,
  httpTraffic,
  latencyHistogram,
  serviceLabels,
  targetLabels,
} from '../../alerts/lib/series.ts';
import { recorded } from '../lib/names.ts';
import { redGroup } from '../red.ts';

const pets = serviceLabels('pets');
const sample = (name: string, value: number, labels: Record<string, string> = pets) => ({
  labels: seriesText(name, labels),
  value,
});

// 45 good and 15 failed requests a minute: 1 request/s, a quarter of them failing.
const http = httpTraffic(unitCase('http RED aggregates'), 'pets', { ok: 45, errors: 15 }, 20)
  .expectSamples('10m', recorded.httpRequestsRate, [sample(recorded.httpRequestsRate, 1)])
  .expectSamples('10m', recorded.httpErrorsRate, [sample(recorded.httpErrorsRate, 0.25)])
  .expectSamples('10m', recorded.httpErrorRatio, [sample(recorded.httpErrorRatio, 0.25)]);

// No 5xx at all: the error ratio is 0, not missing.
const noErrors = httpTraffic(
  unitCase('error ratio without errors'),
  'pets',
  { ok: 60, errors: 0 },
  20,
).expectSamples('10m', recorded.httpErrorRatio, [sample(recorded.httpErrorRatio, 0)]);

// Half the requests within 0.1 s, all within 0.5 s: p95 and p99 interpolate linearly inside
// (0.1, 0.5], computed here in the order Prometheus computes it so the floats agree exactly.
const interpolate = (q: number) => 0.1 + (0.5 - 0.1) * ((q - 0.5) / (1 - 0.5));
const latency = latencyHistogram(
  unitCase('latency quantiles'),
  'pets',
  60,
  { '0.1': 0.5, '0.5': 1 },
  20,
)
  .expectSamples('10m', recorded.httpLatencyP95, [
    sample(recorded.httpLatencyP95, interpolate(0.95)),
  ])
  .expectSamples('10m', recorded.httpLatencyP99, [
    sample(recorded.httpLatencyP99, interpolate(0.99)),
  ]);

const consumer = consumerTraffic(
  unitCase('consumer aggregates'),
  'pet-state',
  { handled: 45, failed: 15 },
  20,
)
  .expectSamples('10m', recorded.consumedRate, [
    sample(recorded.consumedRate, 1, serviceLabels('pet-state')),
  ])
  .expectSamples('10m', recorded.consumerFailureRatio, [
    sample(recorded.consumerFailureRatio, 0.25, serviceLabels('pet-state')),
  ]);
latencyHistogram(
  consumer,
  'pet-state',
  60,
  { '0.1': 0.5, '0.5': 1 },
  20,
  m.processingDuration,
).expectSamples('10m', recorded.consumerLatencyP95, [
  sample(recorded.consumerLatencyP95, interpolate(0.95), serviceLabels('pet-state')),
]);

// Half a CPU core: 30 CPU seconds a minute.
const cpu = unitCase('cpu rate per instance')
  .series(seriesText(m.cpuSeconds, targetLabels('pets')), counter(30, 20))
  .expectSamples('10m', recorded.cpuRate, [
    sample(recorded.cpuRate, 0.5, { ...pets, instance: targetLabels('pets').instance }),
  ]);

export default promtoolTest('recording-red')
  .ruleGroups([redGroup])
  .withCases([http, noErrors, latency, consumer, cpu]);
