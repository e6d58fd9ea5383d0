/**
 * Query results in the three forms `obs query` prints: a readable table (one row per series,
 * with a sparkline for ranges), CSV with one row per sample, and JSON.
 */
import type { QueryResult, Series } from '../series.ts';
import { iso, type TimeRange } from '../time-range.ts';
import { toCsv } from './csv.ts';
import { sparkline } from './sparkline.ts';
import { textTable } from './table.ts';
import { formatValue } from './units.ts';

/** Everything `obs query` prints. */
export interface QueryOutput {
  /** What was queried, e.g. `svc-pets / Latency` or `promql`. */
  title: string;
  unit?: string;
  range: TimeRange;
  results: QueryResult[];
}

/** Readable text: a heading per query, then a table of its series. */
export function renderQueryTable(output: QueryOutput, sparkWidth = 40): string {
  const blocks: string[] = [];
  for (const result of output.results) {
    const when =
      result.kind === 'range'
        ? `${iso(output.range.start)} → ${iso(output.range.end)}, step ${output.range.step}s`
        : `at ${iso(output.range.end)}`;
    const head = `${output.title} · ${result.query} · ${when}\n  ${result.expr.replace(/\n/g, '\n  ')}`;
    const warnings = result.warnings.map((w) => `  warning: ${w}`);
    if (!result.series.length) {
      blocks.push([head, ...warnings, '  (no data)'].join('\n'));
      continue;
    }
    const table =
      result.kind === 'range'
        ? rangeTable(result.series, output.unit, sparkWidth)
        : instantTable(result.series, output.unit);
    blocks.push([head, ...warnings, '', table].join('\n'));
  }
  return blocks.join('\n\n');
}

function instantTable(series: Series[], unit?: string): string {
  const rows = series.map((s) => [s.name, formatValue(s.points[0]?.[1] ?? NaN, unit)]);
  return textTable([{ header: 'SERIES' }, { header: 'VALUE', right: true }], rows);
}

function rangeTable(series: Series[], unit: string | undefined, width: number): string {
  const rows = series.map((s) => {
    const values = s.points.map((p) => p[1]);
    const finite = values.filter((v) => Number.isFinite(v));
    const fmt = (v: number | undefined) => (v === undefined ? '-' : formatValue(v, unit));
    return [
      s.name,
      fmt(values[values.length - 1]),
      fmt(finite.length ? Math.min(...finite) : undefined),
      fmt(finite.length ? Math.max(...finite) : undefined),
      sparkline(values, width),
    ];
  });
  const columns = [
    { header: 'SERIES' },
    { header: 'LAST', right: true },
    { header: 'MIN', right: true },
    { header: 'MAX', right: true },
    { header: 'TREND' },
  ];
  return textTable(columns, rows);
}

/** One row per sample: query, series, every label, time (RFC3339 and unix), value. */
export function queryCsv(output: QueryOutput): string {
  const labelKeys = [
    ...new Set(output.results.flatMap((r) => r.series.flatMap((s) => Object.keys(s.labels)))),
  ].sort();
  const header = ['query', 'series', ...labelKeys, 'time', 'unix', 'value'];
  const rows: string[][] = [];
  for (const result of output.results) {
    for (const s of result.series) {
      for (const [t, v] of s.points) {
        const labels = labelKeys.map((k) => s.labels[k] ?? '');
        rows.push([result.query, s.name, ...labels, iso(t), String(t), numberText(v)]);
      }
    }
  }
  return toCsv(header, rows);
}

/** The results as a JSON document; non-finite values as the strings Prometheus uses. */
export function queryJson(output: QueryOutput): object {
  return {
    title: output.title,
    unit: output.unit ?? null,
    range: {
      start: iso(output.range.start),
      end: iso(output.range.end),
      step: output.range.step,
    },
    queries: output.results.map((r) => ({
      query: r.query,
      expr: r.expr,
      kind: r.kind,
      warnings: r.warnings,
      series: r.series.map((s) => ({
        name: s.name,
        labels: s.labels,
        points: s.points.map(([t, v]) => [t, Number.isFinite(v) ? v : numberText(v)]),
      })),
    })),
  };
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
