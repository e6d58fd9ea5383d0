/**
 * Find the string literals of a PromQL or LogQL query (`"…"` with escapes, `'…'`, and raw
 * `` `…` ``), which both languages spell the same way.
 */

/** A string literal: `[start, end)` including its quotes. */
export interface StringSpan {
  start: number;
  end: number;
}

/** The string literals of `text`, in order; an unterminated one runs to the end. */
export function stringSpans(text: string): StringSpan[] {
  const spans: StringSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const quote = text[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      if (quote === '#') i = skipComment(text, i);
      else i += 1;
      continue;
    }
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== quote) i += quote !== '`' && text[i] === '\\' ? 2 : 1;
    i = Math.min(i + 1, text.length);
    spans.push({ start, end: i });
  }
  return spans;
}

/** PromQL and LogQL comments run from `#` to the end of the line. */
function skipComment(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}
