/**
 * `panel/datasource-missing`: a panel with queries but no datasource falls back to whatever
 * Grafana's default datasource is that day. Every query panel names its datasource.
 */
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { panelsOf, type DashboardJson } from '../dashboard-walk.ts';

export const panelDatasource: Check = {
  rules: ['panel/datasource-missing'],
  run({ resources }) {
    return resources
      .filter((r) => r.kind === 'dashboard')
      .flatMap((resource) =>
        panelsOf(resource.body as DashboardJson)
          .filter(({ panel }) => panel.type !== 'row' && (panel.targets?.length ?? 0) > 0)
          .filter(({ panel }) => !panel.datasource?.uid)
          .map(({ panel, path }) =>
            finding(
              'panel/datasource-missing',
              'error',
              resource,
              `${path}.datasource`,
              `panel \`${panel.title ?? '(untitled)'}\` has queries but no datasource`,
              'call .datasource(prometheusDs | lokiDs | tempoDs) on the panel',
            ),
          ),
      );
  },
};
