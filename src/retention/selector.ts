/**
 * LogQL stream selectors (`{service="pets", level=~"debug|trace"}`) parsed with
 * `@grafana/lezer-logql` and evaluated against label sets, so a retention rule can be checked
 * against the streams the agents actually produce.
 */
import { parser } from '@grafana/lezer-logql';

/** One `label op "value"` of a selector. */
export interface StreamMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export type ParsedSelector =
  { ok: true; matchers: StreamMatcher[] } | { ok: false; error: string; offset: number };

const ops: Record<string, StreamMatcher['op']> = { Eq: '=', Neq: '!=', Re: '=~', Nre: '!~' };

/** Parse `text` as a bare stream selector; a pipeline, a metric query or a syntax error fails. */
export function parseStreamSelector(text: string): ParsedSelector {
  const tree = parser.parse(text);
  let failure: { error: string; offset: number } | undefined;
  const matchers: StreamMatcher[] = [];
  let selectors = 0;

  tree.iterate({
    enter(node) {
      if (failure) return false;
      const name = node.type.name;
      if (node.type.isError) failure = { error: 'syntax error', offset: node.from };
      else if (name === 'PipelineExpr' || name === 'MetricExpr') {
        failure = { error: 'only a stream selector is allowed here', offset: node.from };
      } else if (name === 'Selector') selectors += 1;
      else if (name === 'Matcher') {
        const matcher = readMatcher(text, node.node);
        if (typeof matcher === 'string') failure = { error: matcher, offset: node.from };
        else matchers.push(matcher);
      }
      return undefined;
    },
  });

  if (failure) return { ok: false, ...failure };
  if (selectors !== 1 || matchers.length === 0) {
    return { ok: false, error: 'expected one selector with at least one matcher', offset: 0 };
  }
  if (matchers.every((m) => matches(m, ''))) {
    const error = 'every matcher matches the empty value; Loki needs one that does not';
    return { ok: false, error, offset: 0 };
  }
  return { ok: true, matchers };
}

type SyntaxNodeLike = { firstChild: SyntaxNodeLike | null; nextSibling: SyntaxNodeLike | null } & {
  type: { name: string };
  from: number;
  to: number;
};

function readMatcher(text: string, node: SyntaxNodeLike): StreamMatcher | string {
  const parts: Record<string, string> = {};
  for (let child = node.firstChild; child; child = child.nextSibling) {
    parts[child.type.name] = text.slice(child.from, child.to);
  }
  const opName = Object.keys(parts).find((k) => k in ops);
  if (!parts.Identifier || !opName || parts.String === undefined) return 'incomplete matcher';
  const value = unquote(parts.String);
  if (value === undefined) return `bad string ${parts.String}`;
  const matcher: StreamMatcher = { label: parts.Identifier, op: ops[opName]!, value };
  if ((matcher.op === '=~' || matcher.op === '!~') && !compiles(value)) {
    return `regular expression \`${value}\` does not compile`;
  }
  return matcher;
}

function unquote(literal: string): string | undefined {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`);
    return true;
  } catch {
    return false;
  }
}

/** Whether one matcher accepts `value` (an absent label has the empty value). */
export function matches(matcher: StreamMatcher, value: string): boolean {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${matcher.value})$`).test(value);
  }
}

/** Whether every matcher accepts the stream with `labels`. */
export function selects(matchers: StreamMatcher[], labels: Record<string, string>): boolean {
  return matchers.every((m) => matches(m, labels[m.label] ?? ''));
}
