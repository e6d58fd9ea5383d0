/**
 * Unit tests of the burn-rate alerts. Every SLO of the catalog gets its own traffic in one case
 * per scenario (the metrics of different SLOs never overlap), which keeps promtool fast:
 * - a fast burn (above 14.4×) pages every SLO;
 * - a burn between 3× and 6× tickets every SLO and pages none;
 * - traffic within budget raises nothing.
 */
import { promtoolTest, unitCase } from '../../src/builders/index.ts';
import { sliGroup } from '../../recording-rules/slo.ts';
import { serviceLabels } from '../lib/series.ts';
import { badShareBetween, sloTraffic } from '../lib/slo-series.ts';
import { sloAlertGroup, sloAlerts } from '../slo.ts';

const fast = unitCase('fast burn pages every SLO').expectNoAlert('1m', sloAlerts[0]!.fastBurn);
const slow = unitCase('slow burn tickets every SLO and pages none');
const healthy = unitCase('traffic within budget is quiet');

for (const { rules, fastBurn, slowBurn } of sloAlerts) {
  const { service, slo } = rules;
  const labels = serviceLabels(service.name);

  sloTraffic(fast, service, slo, badShareBetween(slo, 14.4, Infinity), 15);
  fast.expectAlert('10m', fastBurn, labels);

  sloTraffic(slow, service, slo, badShareBetween(slo, 3, 6), 35);
  slow.expectNoAlert('30m', fastBurn).expectAlert('30m', slowBurn, labels);

  sloTraffic(healthy, service, slo, 0, 35);
  healthy.expectNoAlert('30m', fastBurn).expectNoAlert('30m', slowBurn);
}

export default promtoolTest('alerts-slo')
  .ruleGroups([sliGroup, sloAlertGroup])
  .withCases([fast, slow, healthy]);
