/**
 * `promql/syntax`, `logql/syntax`: every query parses with its language's own grammar
 * (Prometheus's lezer-promql, Grafana's lezer-logql) after Grafana variables are substituted.
 * The message gives the line:column inside the query; the location is the builder call.
 */
import type { Check } from '../check.ts';
import { collectQueries, type QueryRef } from '../queries/collect.ts';
import { lineColumn } from '../queries/text-map.ts';
import { queryFinding, queryPosition } from '../query-finding.ts';

export const querySyntax: Check = {
  rules: ['promql/syntax', 'logql/syntax'],
  run({ resources }) {
    return collectQueries(resources).flatMap((query) => {
      const error = query.parsed.facts.error;
      if (!error) return [];
      const rule = query.language === 'promql' ? 'promql/syntax' : 'logql/syntax';
      const language = query.language === 'promql' ? 'PromQL' : 'LogQL';
      const what = error.found ? `unexpected \`${error.found}\`` : 'unexpected end of query';
      const at = queryPosition(query, error.from);
      return [
        queryFinding(
          rule,
          query,
          `${language} does not parse at ${at}: ${what}`,
          near(query, error.from),
        ),
      ];
    });
  },
};

/** `near `…text…`` around the error, on its line of the query. */
function near(query: QueryRef, offset: number): string {
  const at = query.parsed.map.toOriginal(offset);
  const { column } = lineColumn(query.expr, at);
  const lineStart = at - column + 1;
  const lineEnd = query.expr.indexOf('\n', at);
  const line = query.expr.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const from = Math.max(0, column - 1 - 30);
  const excerpt = line.slice(from, column - 1 + 10).trim();
  return `the error is near \`${excerpt}\` (column ${column} of line ${lineColumn(query.expr, at).line})`;
}
