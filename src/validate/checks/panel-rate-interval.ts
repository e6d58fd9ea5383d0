/**
 * `panel/rate-interval`: a fixed window such as `rate(x[5m])` in a dashboard is too short when
 * zoomed out (points are skipped) and can be shorter than four scrapes when zoomed in (gaps).
 * Grafana's `$__rate_interval` follows both; `increase(x[$__range])` (a total over the whole
 * time range) is accepted too. Alerts and recording rules are not dashboards and keep fixed
 * windows.
 */
import type { Check } from '../check.ts';
import { collectQueries } from '../queries/collect.ts';
import { queryFinding, writtenText } from '../query-finding.ts';

const accepted = new Set(['$__rate_interval', '${__rate_interval}']);

export const panelRateInterval: Check = {
  rules: ['panel/rate-interval'],
  run({ resources }) {
    return collectQueries(resources).flatMap((query) => {
      if (query.language !== 'promql' || query.context !== 'panel') return [];
      const reported = new Set<string>();
      return query.parsed.facts.rangeCalls.flatMap((call) => {
        const window = writtenText(query, call.window).trim();
        if (accepted.has(window) || (call.fn === 'increase' && window === '$__range')) return [];
        if (reported.has(`${call.fn}[${window}]`)) return [];
        reported.add(`${call.fn}[${window}]`);
        return [
          queryFinding(
            'panel/rate-interval',
            query,
            `${call.fn}() window \`${window}\` does not follow the dashboard's time range`,
            'use `[$__rate_interval]` (the rate() helper of builders/promql.ts does by default)',
          ),
        ];
      });
    });
  },
};
