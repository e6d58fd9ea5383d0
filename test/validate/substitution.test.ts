/**
 * Grafana variables are replaced with stand-ins valid where they stand, and positions in the
 * parsed text map back to the query as written.
 */
import { describe, expect, it } from 'vitest';
import { substituteVariables } from '../../src/validate/queries/grafana-vars.ts';
import { embeddedQuery } from '../../src/validate/queries/variable-query.ts';

describe('substituteVariables', () => {
  it.each([
    ['rate(x[$__rate_interval])', 'rate(x[1m])'],
    ['rate(x[${__rate_interval}])', 'rate(x[1m])'],
    ['x{a="$service", b=~"${instance:regex}"}', 'x{a="v", b=~"v"}'],
    ['x{a=~"[[instance]]"}', 'x{a=~"v"}'],
    ['max_over_time(x[$__range:$step])', 'max_over_time(x[1m:1m])'],
    ['x offset $shift', 'x offset 1m'],
    ['x * $__interval_ms', 'x * 60'],
    ['topk($n, x)', 'topk(__grafana_var_n, x)'],
    ['label_replace(x, "a", "$1", "b", "(.*)")', 'label_replace(x, "a", "$1", "b", "(.*)")'],
    ['x{a="b"}', 'x{a="b"}'],
  ])('%s → %s', (query, expected) => {
    expect(substituteVariables(query).text).toBe(expected);
  });

  it('maps positions after a variable back to the query as written', () => {
    const query = 'sum(x{a="$service"}[$__rate_interval]) +';
    const { text, map } = substituteVariables(query);
    expect(map.toOriginal(text.length)).toBe(query.length);
    expect(
      query.slice(map.toOriginal(text.indexOf('1m')), map.toOriginal(text.indexOf('1m') + 2)),
    ).toBe('$__rate_interval');
  });
});

describe('embeddedQuery (Grafana variable query syntax)', () => {
  it.each([
    ['label_values(env)', undefined],
    ['label_values(up{a="x,y"}, instance)', { expr: 'up{a="x,y"}', start: 13 }],
    ['query_result(topk(5, x))', { expr: 'topk(5, x)', start: 13 }],
    ['metrics(http_.*)', undefined],
    ['label_names()', undefined],
    ['up{service="pets"}', { expr: 'up{service="pets"}', start: 0 }],
  ])('%s', (query, expected) => {
    expect(embeddedQuery(query)).toEqual(expected);
  });
});
