/**
 * The compact, reviewable view of a dashboard's queries: one block per panel with its title,
 * datasource and every query expression. Snapshot tests store this per dashboard, so a pull
 * request that changes a query shows a few readable lines rather than a JSON diff.
 */
import { panelsOf, type DashboardJson } from '../validate/dashboard-walk.ts';

export function panelQueriesText(dashboard: DashboardJson): string {
  const blocks: string[] = [`# ${dashboard.title ?? ''} (${dashboard.uid ?? ''})`];
  for (const { panel, path } of panelsOf(dashboard)) {
    if (panel.type === 'row') {
      blocks.push(`\n## ${panel.title ?? ''}`);
      continue;
    }
    const datasource = panel.datasource?.uid ?? '(no datasource)';
    const lines = [`\n${path} ${panel.type ?? ''} "${panel.title ?? ''}" → ${datasource}`];
    for (const target of panel.targets ?? []) {
      const expr = typeof target.expr === 'string' ? target.expr : target.query;
      if (typeof expr !== 'string') continue;
      const legend = typeof target.legendFormat === 'string' ? `  [${target.legendFormat}]` : '';
      lines.push(`  ${target.refId ?? '?'}:${legend}`);
      lines.push(...expr.split('\n').map((line) => `    ${line}`));
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n') + '\n';
}
