/**
 * The parse cache key: a query with the contents of its string literals blanked. Label values
 * never change a PromQL or LogQL syntax tree, so `up{service="a"}` and `up{service="b"}` parse
 * once. Queries whose facts depend on a string's value (`{__name__="x"}`, `{"x"}`) are kept whole.
 */
import { TextEditor, identityMap, type TextMap } from './text-map.ts';
import { stringSpans } from './strings.ts';

export interface Normalized {
  text: string;
  map: TextMap;
}

/** `text` with every string literal's content removed, and the map back. */
export function normalizeStrings(text: string): Normalized {
  if (text.includes('__name__') || text.includes('{"') || text.includes("{'")) {
    return { text, map: identityMap };
  }
  const spans = stringSpans(text);
  if (spans.length === 0) return { text, map: identityMap };
  const editor = new TextEditor(text);
  for (const span of spans) {
    const closed = span.end - span.start >= 2 && text[span.end - 1] === text[span.start];
    if (!closed) continue;
    editor.copyTo(span.start + 1);
    editor.replaceTo(span.end - 1, '');
  }
  return editor.finish();
}
