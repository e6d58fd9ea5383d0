/**
 * Tables built from several instant Prometheus queries, one column each, joined on their labels
 * (Grafana's `merge` transformation) and renamed from `Value #<refId>` to readable headers.
 */
import type * as sdk from '@grafana/grafana-foundation-sdk/dashboard';

/** A table column: its header, the query that fills it and its unit. */
export interface Column {
  header: string;
  expr: string;
  unit: string;
}

const refIdOf = (index: number) => String.fromCharCode(65 + index);

/** Merge the queries' frames into one table and name the value columns after `columns`. */
export function columnTransformations(columns: Column[]): sdk.DataTransformerConfig[] {
  const renameByName: Record<string, string> = {};
  columns.forEach((column, index) => (renameByName[`Value #${refIdOf(index)}`] = column.header));
  return [
    { id: 'merge', options: {} },
    { id: 'organize', options: { excludeByName: { Time: true }, renameByName } },
  ];
}
