/**
 * Render diagnostics, the one place they become text: a human form in the shape editors link
 * (`file:line:col: severity: message (rule)`), and a JSON form for machines.
 */
import { countBySeverity, type Diagnostic } from '../model/diagnostic.ts';
import { formatSource } from '../model/source.ts';
import { paint } from './output.ts';

/** One diagnostic as human text: a location line, then its resource path and hint indented. */
export function renderDiagnostic(d: Diagnostic): string {
  const colour =
    d.severity === 'error' ? paint.red : d.severity === 'warning' ? paint.yellow : paint.dim;
  const head = `${formatSource(d.source)}: ${colour(d.severity)}: ${d.message} (${d.rule})`;
  const lines = [head];
  if (d.resource) lines.push(`    in ${d.resource}${d.path ? ` at ${d.path}` : ''}`);
  if (d.hint) lines.push(`    hint: ${d.hint}`);
  return lines.join('\n');
}

export function renderDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics.map(renderDiagnostic).join('\n');
}

/** Diagnostics as JSON, with the counts; keys in a fixed order. */
export function diagnosticsJson(diagnostics: Diagnostic[]): object {
  return {
    counts: countBySeverity(diagnostics),
    diagnostics: diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      file: d.source.file,
      line: d.source.line,
      column: d.source.column,
      resource: d.resource ?? null,
      path: d.path ?? null,
      message: d.message,
      hint: d.hint ?? null,
    })),
  };
}

/** `3 errors, 1 warning`. */
export function countsText(diagnostics: Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
}
