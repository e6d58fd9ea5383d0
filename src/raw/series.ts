/**
 * The one shape query results take before they are printed: named series of points. Prometheus
 * vectors and matrices and Loki metric queries all become this.
 */

/** A label set, e.g. `{route: "/pets", status_class: "5xx"}`. */
export type Labels = Record<string, string>;

/** One series: its labels, a display name, and [unix seconds, value] points, oldest first. */
export interface Series {
  /** The query's refId or a label for the query (`A`, `promql`). */
  query: string;
  name: string;
  labels: Labels;
  points: [number, number][];
}

/** What a query returned, ready to print. */
export interface QueryResult {
  query: string;
  expr: string;
  kind: 'instant' | 'range';
  series: Series[];
  /** Scalars and strings from an instant query have no labels. */
  warnings: string[];
}

/**
 * The display name of a series: the panel's legend format with `{{label}}` filled in, else
 * `metric{a="b"}` the way Prometheus prints it.
 */
export function seriesName(labels: Labels, legendFormat?: string): string {
  if (legendFormat && legendFormat !== '__auto') {
    return legendFormat.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, k: string) =>
      String(labels[k] ?? ''),
    );
  }
  const { __name__: metric = '', ...rest } = labels;
  const pairs = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${JSON.stringify(rest[k])}`);
  if (!pairs.length) return metric || '{}';
  return `${metric}{${pairs.join(', ')}}`;
}

/** A sample value as Prometheus sends it (a string, maybe `NaN` or `+Inf`) as a number. */
export function sampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** Series sorted by name, so output is the same on every run. */
export function sortSeries(series: Series[]): Series[] {
  return [...series].sort((a, b) =>
    a.query === b.query
      ? a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : 0
      : a.query < b.query
        ? -1
        : 1,
  );
}
