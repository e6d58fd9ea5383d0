/**
 * A push report as text and as JSON: what was applied, what failed and why, and the summary
 * line `✔ 12 applied · 3 unchanged · 0 failed`.
 */
import { plainPainter, type Painter } from '../plan/render.ts';
import type { Outcome, PushReport } from './push.ts';

const past: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  blocked: 'blocked',
  unchanged: 'unchanged',
};

const label = (o: Outcome) => `${o.target} ${o.kind} ${o.key}`;

/** One line per applied and per failed object, applied first. */
export function renderOutcomes(report: PushReport, paint: Painter = plainPainter): string {
  const lines = [
    ...report.applied.map((o) => `${paint.green('✔')} ${past[o.action]} ${label(o)}`),
    ...report.failed.map((o) => `${paint.red('✘')} ${o.action} ${label(o)}: ${o.error ?? ''}`),
  ];
  return lines.join('\n');
}

/** The last line of a push. */
export function pushSummaryLine(report: PushReport, paint: Painter = plainPainter): string {
  const failed = report.failed.length;
  const mark = failed || report.refused ? paint.red('✘') : paint.green('✔');
  const parts = [
    `${report.applied.length} applied`,
    `${report.summary.unchanged} unchanged`,
    `${failed} failed`,
  ];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const requests = `${plural(report.stats.requests, 'request')} (${plural(report.stats.writes, 'write')})`;
  return `${mark} ${parts.join(' · ')} · ${requests} · ${report.elapsedMs} ms`;
}

/** The report for `--json`: counts, every object with its action, diff and outcome. */
export function reportJson(report: PushReport): object {
  return {
    environment: report.environment,
    dryRun: report.dryRun,
    targets: report.targets,
    summary: report.summary,
    applied: report.applied,
    failed: report.failed,
    refused: report.refused ?? null,
    notPushed: report.notPushed,
    requests: report.stats,
    milliseconds: report.elapsedMs,
    items: report.items.map((i) => ({
      target: i.target,
      kind: i.kind,
      key: i.key,
      action: i.action,
      source: i.source ?? null,
      reason: i.reason ?? null,
      diff: i.diff ?? null,
    })),
  };
}
