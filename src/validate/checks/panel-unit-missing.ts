/**
 * `panel/unit-missing`: a number without a unit makes a reader guess whether `0.3` is seconds,
 * a ratio or requests per second. Panels that draw numbers (time series, stat, gauge, bar
 * gauge, bar chart) state a unit; `none` says "a plain count" deliberately.
 */
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { panelsOf, type DashboardJson } from '../dashboard-walk.ts';

/** Panel types whose values are numbers shown with their unit. */
const numericPanels = new Set(['timeseries', 'stat', 'gauge', 'bargauge', 'barchart', 'trend']);

export const panelUnitMissing: Check = {
  rules: ['panel/unit-missing'],
  run({ resources }) {
    return resources
      .filter((r) => r.kind === 'dashboard')
      .flatMap((resource) =>
        panelsOf(resource.body as DashboardJson)
          .filter(
            ({ panel }) => numericPanels.has(panel.type ?? '') && (panel.targets?.length ?? 0) > 0,
          )
          .filter(({ panel }) => !panel.fieldConfig?.defaults?.unit)
          .map(({ panel, path }) =>
            finding(
              'panel/unit-missing',
              'warning',
              resource,
              `${path}.fieldConfig.defaults.unit`,
              `panel \`${panel.title ?? '(untitled)'}\` shows numbers but has no unit`,
              "call .unit('s' | 'reqps' | 'percentunit' | 'bytes' | 'short' …); 'none' for a plain count",
            ),
          ),
      );
  },
};
