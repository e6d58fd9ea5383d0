/**
 * Replace Grafana template variables in a query with syntactically valid stand-ins, so that the
 * query can be parsed with the language's own grammar: `[$__rate_interval]` becomes `[1m]`,
 * `"$service"` a plain string, a bare `$metric` an identifier. The returned map turns parse
 * positions back into positions of the query the author wrote.
 */
import { TextEditor, type TextMap } from './text-map.ts';
import { stringSpans } from './strings.ts';
import { variableName, variableReference } from '../../model/grafana-variables.ts';

/** Variables that hold a number (milliseconds or seconds), not a duration. */
const numericVariables = new Set(['__interval_ms', '__range_ms', '__range_s']);

/** Prefix of the identifiers that stand in for bare variables; never a real metric. */
export const variableIdentifierPrefix = '__grafana_var_';

export interface Substituted {
  text: string;
  map: TextMap;
  /** Whether any variable was replaced. */
  changed: boolean;
}

/** Replace every Grafana variable of `query` with a stand-in valid where it stands. */
export function substituteVariables(query: string): Substituted {
  if (!query.includes('$') && !query.includes('[[')) {
    return { text: query, map: { toOriginal: (o) => o }, changed: false };
  }
  const strings = stringSpans(query);
  const editor = new TextEditor(query);
  let changed = false;

  for (const match of query.matchAll(variableReference)) {
    const start = match.index;
    const name = variableName(match);
    const inString = strings.some((s) => start > s.start && start < s.end);
    editor.copyTo(start);
    editor.replaceTo(start + match[0].length, standIn(name, inString, query, start));
    changed = true;
  }
  const { text, map } = editor.finish();
  return { text, map, changed };
}

function standIn(name: string, inString: boolean, query: string, at: number): string {
  if (inString) return 'v';
  if (numericVariables.has(name)) return '60';
  if (inDurationPosition(query, at)) return '1m';
  return `${variableIdentifierPrefix}${name}`;
}

/** After `[`, after the `:` of a subquery range, or after `offset`: a duration goes there. */
function inDurationPosition(query: string, at: number): boolean {
  const before = query.slice(Math.max(0, at - 12), at).trimEnd();
  if (before.endsWith('[') || /\boffset$/i.test(before) || /\boffset\s+-$/i.test(before)) {
    return true;
  }
  if (!before.endsWith(':')) return false;
  const open = query.lastIndexOf('[', at);
  return open >= 0 && query.lastIndexOf(']', at) < open;
}
