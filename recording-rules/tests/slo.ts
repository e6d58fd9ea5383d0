/**
 * Unit tests of the SLO recording rules: every SLO's service has 3% bad events, in one case
 * (the SLOs' metrics never overlap), and records that share over every window, its objective
 * and the error budget left.
 */
import { promtoolTest, seriesText, unitCase } from '../../src/builders/index.ts';
import { testEnv } from '../../alerts/lib/series.ts';
import { rounded, roundedValue, sloTraffic } from '../../alerts/lib/slo-series.ts';
import { sloRecorded } from '../lib/names.ts';
import { sloName, sloWindows } from '../lib/sli.ts';
import { budgetGroup, sliGroup, sloRules } from '../slo.ts';

// 3% bad events: far from a rounding boundary at the test's precision.
const bad = 0.03;
const at = '30m';
const steady = unitCase('SLO series of every SLO at 3% bad events');

for (const { service, slo } of sloRules) {
  const labels = { service: service.name, slo: sloName(slo) };
  const withEnv = seriesText('', { ...labels, env: testEnv });
  sloTraffic(steady, service, slo, bad, 35);

  for (const window of sloWindows) {
    const ratio = rounded(seriesText(sloRecorded.errorRatio(window), labels));
    steady.expectSamples(at, ratio, [{ labels: withEnv, value: roundedValue(bad) }]);
  }
  steady.expectSamples(at, seriesText(sloRecorded.objective, labels), [
    { labels: seriesText(sloRecorded.objective, labels), value: slo.objective },
  ]);
  const remaining = roundedValue(1 - bad / (1 - slo.objective));
  steady.expectSamples(at, rounded(seriesText(sloRecorded.budgetRemaining, labels)), [
    { labels: withEnv, value: remaining },
  ]);
}

export default promtoolTest('recording-slo')
  .ruleGroups([sliGroup, budgetGroup])
  .withCases([steady]);
