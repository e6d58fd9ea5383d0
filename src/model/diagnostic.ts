/**
 * Diagnostics are data: every problem the build finds is one of these, collected, sorted and
 * rendered in one place (`src/cli/render.ts`), never printed where it is found.
 */
import type { SourceLocation } from './source.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One finding, with everything needed to fix it. */
export interface Diagnostic {
  /** Rule id, e.g. `panel/unit-missing`; also the docs heading and test name. */
  rule: string;
  severity: Severity;
  /** The definition line that made the offending value. */
  source: SourceLocation;
  /** The resource, as `kind id` (e.g. `dashboard svc-pets`), when there is one. */
  resource?: string;
  /** JSON path inside the compiled artifact, e.g. `panels[3].targets[0].expr`. */
  path?: string;
  /** What is wrong, naming the value in backticks. */
  message: string;
  /** What was expected or how to fix it. */
  hint?: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort by a full key so that output is the same on every run. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) =>
    [
      d.source.file,
      String(d.source.line).padStart(8, '0'),
      String(d.source.column).padStart(6, '0'),
      severityRank[d.severity],
      d.rule,
      d.resource ?? '',
      d.path ?? '',
      d.message,
    ].join('\u0000');
  return [...diagnostics].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Counts by severity. */
export function countBySeverity(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
