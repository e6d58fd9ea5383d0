/**
 * `promql/histogram-quantile-le`: histogram_quantile() reads the bucket boundaries from the `le`
 * label. An inner `sum` without `by (le, …)` (or with `without (le)`) adds all buckets together
 * and the quantile comes out NaN or wrong.
 */
import type { Check } from '../check.ts';
import { collectQueries } from '../queries/collect.ts';
import { queryFinding } from '../query-finding.ts';

export const promqlHistogramQuantileLe: Check = {
  rules: ['promql/histogram-quantile-le'],
  run({ resources }) {
    return collectQueries(resources).flatMap((query) =>
      query.language !== 'promql'
        ? []
        : query.parsed.facts.quantilesWithoutLe.map(() =>
            queryFinding(
              'promql/histogram-quantile-le',
              query,
              'histogram_quantile() over an aggregation that drops the `le` label',
              'aggregate with `sum by (le, …) (rate(…_bucket[…]))`, or use quantile() from builders/promql.ts',
            ),
          ),
    );
  },
};
