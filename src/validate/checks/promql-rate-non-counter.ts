/**
 * `promql/rate-non-counter`: rate(), irate() and increase() assume a value that only goes up and
 * resets to zero; over a gauge they turn every decrease into a reset and report nonsense. The
 * metric types come from the kit and exporter catalogs. Over the kit's gauges this is an error;
 * over an exporter's gauge a warning, because exporters expose some values that only grow
 * (kafka_exporter's partition and consumer-group offsets) as gauges, and rate() over those is
 * the usual way to get a throughput.
 */
import type { Check } from '../check.ts';
import { collectQueries } from '../queries/collect.ts';
import { seriesCatalog } from '../metric-catalog.ts';
import { queryFinding } from '../query-finding.ts';

export const promqlRateNonCounter: Check = {
  rules: ['promql/rate-non-counter'],
  run({ resources }) {
    const catalog = seriesCatalog(resources);
    return collectQueries(resources).flatMap((query) => {
      if (query.language !== 'promql') return [];
      return query.parsed.facts.rangeCalls.flatMap((call) => {
        const info = call.metric ? catalog.get(call.metric) : undefined;
        if (info?.kind !== 'gauge') return [];
        return [
          queryFinding(
            'promql/rate-non-counter',
            query,
            `${call.fn}() over \`${call.metric}\`, which is a gauge (${info.origin}); ${call.fn}() needs a counter`,
            info.origin === 'kit'
              ? 'use deriv() for the slope of a gauge, delta() for its change, or avg_over_time() to smooth it'
              : `if \`${call.metric}\` only grows, suppress this with that reason; otherwise use deriv() or delta()`,
            info.origin === 'kit' ? 'error' : 'warning',
          ),
        ];
      });
    });
  },
};
