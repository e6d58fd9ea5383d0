/**
 * Thresholds that mean something, named for what they say: `above(0.01, 0.05)` turns a value
 * yellow above 1 % and red above 5 %; `below(…)` is the same for values where less is worse.
 */
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';

const build = (steps: sdk.Threshold[]) =>
  new sdk.ThresholdsConfigBuilder().mode(sdk.ThresholdsMode.Absolute).steps(steps);

/** Green, then yellow from `warn`, red from `critical`: more is worse. */
export function above(warn: number, critical: number): sdk.ThresholdsConfigBuilder {
  return build([
    { value: null, color: 'green' },
    { value: warn, color: 'yellow' },
    { value: critical, color: 'red' },
  ]);
}

/** Red, then yellow from `critical`, green from `warn`: less is worse. */
export function below(warn: number, critical: number): sdk.ThresholdsConfigBuilder {
  return build([
    { value: null, color: 'red' },
    { value: critical, color: 'yellow' },
    { value: warn, color: 'green' },
  ]);
}

/** Red as soon as the value reaches `critical` (counts of broken things). */
export function anyIsBad(critical = 1): sdk.ThresholdsConfigBuilder {
  return build([
    { value: null, color: 'green' },
    { value: critical, color: 'red' },
  ]);
}

/** No colour meaning: plain blue (throughput, counts). */
export function neutral(): sdk.ThresholdsConfigBuilder {
  return build([{ value: null, color: 'blue' }]);
}
