/**
 * `query/high-cardinality-label`: a query that selects or groups by an id (user, pet, request,
 * trace …) only works if that id is a label, and an id label makes one series or stream per
 * value. Ids belong in log fields and traces, filtered with `| json` or looked up in Tempo.
 */
import type { Check } from '../check.ts';
import { collectQueries, type QueryRef } from '../queries/collect.ts';
import { queryFinding } from '../query-finding.ts';

/** Labels whose values are unbounded ids. */
export const highCardinalityLabels = [
  'user_id',
  'pet_id',
  'request_id',
  'trace_id',
  'span_id',
  'session_id',
  'order_id',
  'email',
];

const highCardinality = new Set(highCardinalityLabels);

export const queryHighCardinalityLabel: Check = {
  rules: ['query/high-cardinality-label'],
  run({ resources }) {
    return collectQueries(resources).flatMap((query) => {
      const found = idLabels(query);
      return [...found].map(([label, where]) =>
        queryFinding(
          'query/high-cardinality-label',
          query,
          `label \`${label}\` in ${where}: ids as labels make one series per value`,
          query.language === 'logql'
            ? `keep \`${label}\` in the log line and filter after the parser: \`| json | ${label}="…"\``
            : `do not select or group by \`${label}\`; look single requests up in logs or traces`,
        ),
      );
    });
  },
};

/** Id labels of a query, each with where it first appears. */
function idLabels(query: QueryRef): Map<string, string> {
  const found = new Map<string, string>();
  const add = (label: string, where: string) => {
    if (highCardinality.has(label) && !found.has(label)) found.set(label, where);
  };
  if (query.language === 'promql') {
    for (const s of query.parsed.facts.selectors) for (const l of s.labels) add(l, 'a selector');
    for (const g of query.parsed.facts.groupings) for (const l of g.labels) add(l, 'a by clause');
  } else {
    for (const { label } of query.parsed.facts.streamLabels) add(label, 'a stream selector');
    for (const g of query.parsed.facts.groupings) for (const l of g.labels) add(l, 'a by clause');
  }
  return found;
}
