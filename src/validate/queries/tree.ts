/** Small helpers over lezer syntax trees, shared by the PromQL and LogQL fact extractors. */
import type { SyntaxNode, Tree } from '@lezer/common';

/** A span of the parsed text. */
export interface Span {
  from: number;
  to: number;
}

/** The first syntax error of a tree: where, and the text found there (empty at the end). */
export interface SyntaxErrorFact {
  from: number;
  to: number;
  found: string;
}

/** The first error node of `tree`, if any. */
export function firstError(tree: Tree, text: string): SyntaxErrorFact | undefined {
  let error: SyntaxErrorFact | undefined;
  tree.iterate({
    enter(ref) {
      if (error) return false;
      if (!ref.type.isError) return undefined;
      const rest = text.slice(ref.from);
      const found = rest.match(/^\s*([A-Za-z_:][\w:]*|\d[\w.]*|\S)/)?.[1] ?? '';
      error = { from: ref.from, to: ref.to, found };
      return false;
    },
  });
  return error;
}

/** The named children of `node`, in order. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

/** Step through wrappers (`(…)`, `offset`, `@`) to the expression inside. */
export function unwrap(node: SyntaxNode | null | undefined, wrappers: string[]): SyntaxNode | null {
  let current = node ?? null;
  while (current && wrappers.includes(current.name)) current = current.firstChild;
  return current;
}

/** The text of `node`. */
export function textOf(text: string, node: Span): string {
  return text.slice(node.from, node.to);
}

/** A string literal's value without quotes (escapes left as written). */
export function unquote(literal: string): string {
  return literal.length >= 2 ? literal.slice(1, -1) : literal;
}
