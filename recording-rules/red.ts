/**
 * Per-service RED aggregates (rate, errors, duration) of HTTP services and Kafka consumers,
 * and per-instance CPU use. Dashboards and alerts read these instead of repeating the sums.
 */
import { metricNames as m } from '../src/conventions/metrics.ts';
import {
  prometheusRuleGroup,
  quantile,
  rate,
  recordingRule,
  selector,
  sumBy,
} from '../src/builders/index.ts';
import { recorded } from './lib/names.ts';

const by = ['service', 'env'];
const window = '5m';

/** `(part or 0 * whole) / (whole > 0)`: 0 rather than nothing when no bad event was counted. */
function shareOf(part: string, whole: string): string {
  return `(\n  ${part}\n  or\n  0 * ${whole}\n)\n/\n(${whole} > 0)`;
}

const httpRequests = sumBy(by, rate(selector(m.httpRequests), window));
const httpErrors = sumBy(by, rate(selector(m.httpRequests, { status_class: '5xx' }), window));
const consumed = sumBy(by, rate(selector(m.consumed), window));
const failures = sumBy(by, rate(selector(m.consumeFailures), window));

export const redRules = {
  httpRequestsRate: recordingRule(recorded.httpRequestsRate).expr(httpRequests),
  httpErrorsRate: recordingRule(recorded.httpErrorsRate).expr(httpErrors),
  httpErrorRatio: recordingRule(recorded.httpErrorRatio).expr(shareOf(httpErrors, httpRequests)),
  httpLatencyP95: recordingRule(recorded.httpLatencyP95).expr(
    quantile(0.95, m.httpDuration, {}, by, window),
  ),
  httpLatencyP99: recordingRule(recorded.httpLatencyP99).expr(
    quantile(0.99, m.httpDuration, {}, by, window),
  ),
  consumedRate: recordingRule(recorded.consumedRate).expr(consumed),
  consumerFailureRatio: recordingRule(recorded.consumerFailureRatio).expr(
    shareOf(failures, consumed),
  ),
  consumerLatencyP95: recordingRule(recorded.consumerLatencyP95).expr(
    quantile(0.95, m.processingDuration, {}, by, window),
  ),
  cpuRate: recordingRule(recorded.cpuRate).expr(
    sumBy(
      [...by, 'instance'],
      rate(selector(m.cpuSeconds, { service: { op: '!=', value: '' } }), window),
    ),
  ),
};

export const redGroup = prometheusRuleGroup('service-red')
  .namespace('recording')
  .withRules(Object.values(redRules));

export default redGroup;
