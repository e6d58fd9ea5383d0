/**
 * Grafana's own query syntax for template variables — `label_values(selector, label)`,
 * `label_names()`, `metrics(regex)`, `query_result(expr)` — is not PromQL: cut out the part that
 * is (the selector, the expression) and say where it starts in the variable's query.
 */

export interface EmbeddedQuery {
  /** The PromQL or LogQL inside the variable query. */
  expr: string;
  /** Offset of `expr` in the variable query. */
  start: number;
}

const call = /^\s*(label_values|label_names|metrics|query_result)\s*\(([\s\S]*)\)\s*$/;

/** The expression to parse in a variable query; none for `label_values(label)` or `metrics()`. */
export function embeddedQuery(query: string): EmbeddedQuery | undefined {
  const match = call.exec(query);
  if (!match) return query.trim() ? { expr: query, start: 0 } : undefined;
  const [, fn, args] = match;
  const argsStart = query.indexOf('(', query.indexOf(fn!)) + 1;

  if (fn === 'metrics') return undefined;
  if (fn === 'query_result') return { expr: args!, start: argsStart };
  if (fn === 'label_names') return args!.trim() ? { expr: args!, start: argsStart } : undefined;
  const comma = lastTopLevelComma(args!);
  return comma < 0 ? undefined : { expr: args!.slice(0, comma), start: argsStart };
}

/** The last `,` outside braces, parentheses and strings. */
function lastTopLevelComma(text: string): number {
  let depth = 0;
  let quote = '';
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '(' || c === '[') depth += 1;
    else if (c === '}' || c === ')' || c === ']') depth -= 1;
    else if (c === ',' && depth === 0) last = i;
  }
  return last;
}
