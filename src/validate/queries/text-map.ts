/**
 * Offsets through text edits: a query is rewritten before parsing (Grafana variables replaced,
 * string contents blanked for the parse cache, an inner expression cut out of `label_values`),
 * and every position found in the rewritten text is mapped back to the text the author wrote.
 */

/** One replaced span: `[from, to)` in the new text stood for `[origFrom, origTo)` in the old. */
interface Edit {
  from: number;
  to: number;
  origFrom: number;
  origTo: number;
}

/** Maps offsets of an edited text back to the text it was made from. */
export interface TextMap {
  toOriginal(offset: number): number;
}

export const identityMap: TextMap = { toOriginal: (offset) => offset };

/** Builds a new text from pieces copied or replaced, remembering where each came from. */
export class TextEditor {
  private readonly parts: string[] = [];
  private readonly edits: Edit[] = [];
  private length = 0;
  private consumed = 0;

  constructor(private readonly source: string) {}

  /** Copy the source up to `end` unchanged. */
  copyTo(end: number): void {
    this.parts.push(this.source.slice(this.consumed, end));
    this.length += end - this.consumed;
    this.consumed = end;
  }

  /** Replace the source from the current point up to `end` with `text`. */
  replaceTo(end: number, text: string): void {
    this.edits.push({
      from: this.length,
      to: this.length + text.length,
      origFrom: this.consumed,
      origTo: end,
    });
    this.parts.push(text);
    this.length += text.length;
    this.consumed = end;
  }

  /** The new text (the rest of the source copied) and its map back to the source. */
  finish(): { text: string; map: TextMap } {
    this.copyTo(this.source.length);
    const edits = this.edits;
    const map: TextMap = {
      toOriginal(offset) {
        let shift = 0;
        for (const edit of edits) {
          if (offset < edit.from) break;
          if (offset < edit.to) return edit.origFrom;
          shift = edit.origTo - edit.to;
        }
        return offset + shift;
      },
    };
    return { text: this.parts.join(''), map: edits.length ? map : identityMap };
  }
}

/** A map that applies `inner` first, then `outer` (inner text was made from outer's). */
export function composeMaps(inner: TextMap, outer: TextMap): TextMap {
  if (inner === identityMap) return outer;
  if (outer === identityMap) return inner;
  return { toOriginal: (offset) => outer.toOriginal(inner.toOriginal(offset)) };
}

/** A map for a slice of a text that starts at `start`. */
export function sliceMap(start: number): TextMap {
  return start === 0 ? identityMap : { toOriginal: (offset) => offset + start };
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
