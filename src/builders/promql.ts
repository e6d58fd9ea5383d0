/**
 * Build PromQL and LogQL from parts instead of pasting selectors: one helper writes every
 * selector, so label spelling and variable quoting are the same in every query.
 */

/** A label matcher: a bare string is `=`; use `re`, `ne`, `nre` for the others. */
export type Matcher = string | { op: '=' | '!=' | '=~' | '!~'; value: string };

/** Label name → matcher. Keys are written in the order given. */
export type Matchers = Record<string, Matcher>;

/** `=~` matcher. */
export const re = (value: string): Matcher => ({ op: '=~', value });
/** `!=` matcher. */
export const ne = (value: string): Matcher => ({ op: '!=', value });
/** `!~` matcher. */
export const nre = (value: string): Matcher => ({ op: '!~', value });

function quote(value: string): string {
  return JSON.stringify(value);
}

function matcherList(matchers: Matchers): string {
  return Object.entries(matchers)
    .map(([label, m]) =>
      typeof m === 'string' ? `${label}=${quote(m)}` : `${label}${m.op}${quote(m.value)}`,
    )
    .join(', ');
}

/** `metric{label="value", …}`; the metric name may be empty for a pure label selector. */
export function selector(metric: string, matchers: Matchers = {}): string {
  const list = matcherList(matchers);
  return list ? `${metric}{${list}}` : metric;
}

/** A Loki stream selector `{label="value", …}`. */
export function streamSelector(matchers: Matchers): string {
  return `{${matcherList(matchers)}}`;
}

/** `rate(selector[window])`; the window defaults to Grafana's `$__rate_interval`. */
export function rate(sel: string, window = '$__rate_interval'): string {
  return `rate(${sel}[${window}])`;
}

/** `increase(selector[window])`. */
export function increase(sel: string, window: string): string {
  return `increase(${sel}[${window}])`;
}

/** `sum by (labels) (expr)`; no labels gives `sum(expr)`. */
export function sumBy(labels: readonly string[], expr: string): string {
  return labels.length ? `sum by (${labels.join(', ')}) (${expr})` : `sum(${expr})`;
}

/** `histogram_quantile(q, sum by (le, …) (rate(metric_bucket{…}[window])))`. */
export function quantile(
  q: number,
  histogram: string,
  matchers: Matchers,
  by: readonly string[] = [],
  window = '$__rate_interval',
): string {
  const buckets = rate(selector(`${histogram}_bucket`, matchers), window);
  return `histogram_quantile(${q}, ${sumBy(['le', ...by], buckets)})`;
}

/**
 * A ratio of two sums, e.g. errors over requests, safe when the denominator is zero
 * (the result is then empty rather than NaN).
 */
export function ratio(numerator: string, denominator: string): string {
  return `(${numerator})\n/\n(${denominator} > 0)`;
}

/** Remove common leading indentation of a multi-line template literal, trim blank ends. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
