/**
 * Plans and push reports as text (for people) and JSON (for CI). The only place they become
 * text; secrets were removed before they got here.
 */
import { itemLabel, type Action, type PlanItem } from './plan.ts';

/** Paint functions, so the CLI decides about colour. */
export interface Painter {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

export const plainPainter: Painter = {
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
  dim: (t) => t,
};

const marks: Record<Action, string> = {
  create: '+',
  update: '~',
  delete: '-',
  blocked: '!',
  unchanged: '=',
};

/** One line per changed object, each followed by its diff; unchanged objects are counted only. */
export function renderPlan(items: readonly PlanItem[], paint: Painter = plainPainter): string {
  const blocks: string[] = [];
  for (const item of items) {
    if (item.action === 'unchanged') continue;
    const colour =
      item.action === 'create' ? paint.green : item.action === 'update' ? paint.yellow : paint.red;
    const where = item.source ? paint.dim(` (${item.source})`) : '';
    const lines = [colour(`${marks[item.action]} ${item.action} ${itemLabel(item)}`) + where];
    if (item.reason) lines.push(`  ${item.reason}`);
    if (item.diff) lines.push(colourDiff(stripHeader(item.diff), paint));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/** `Plan: 1 to create, 2 to update, 0 to delete, 5 unchanged, 0 blocked.` */
export function planSummaryLine(summary: Record<Action, number>): string {
  return (
    `Plan: ${summary.create} to create, ${summary.update} to update, ` +
    `${summary.delete} to delete, ${summary.unchanged} unchanged, ${summary.blocked} blocked.`
  );
}

/** Drop the `Index:` and `====` lines `diff` puts before the `---`/`+++` header. */
function stripHeader(diff: string): string {
  const lines = diff.split('\n');
  const start = lines.findIndex((l) => l.startsWith('--- '));
  return lines
    .slice(start < 0 ? 0 : start)
    .join('\n')
    .trimEnd();
}

function colourDiff(diff: string, paint: Painter): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return paint.dim(line);
      if (line.startsWith('+')) return paint.green(line);
      if (line.startsWith('-')) return paint.red(line);
      if (line.startsWith('@@')) return paint.dim(line);
      return line;
    })
    .join('\n');
}
