/** Findings about one query, worded the same by every query check. */
import type { Diagnostic, Severity } from '../model/diagnostic.ts';
import { finding } from './check.ts';
import type { QueryRef } from './queries/collect.ts';
import { lineColumn, type TextMap } from './queries/text-map.ts';
import type { Span } from './queries/tree.ts';
import { ruleInfo } from './rules.ts';

/** A finding of `rule` (by default at its catalog severity) about `query`, prefixed with its owner. */
export function queryFinding(
  rule: string,
  query: QueryRef,
  message: string,
  hint?: string,
  severity: Severity = ruleInfo(rule).severity,
): Diagnostic {
  return finding(rule, severity, query.resource, query.path, `${query.owner}: ${message}`, hint);
}

/** The text of the query as written that a parsed span came from. */
export function writtenText(query: QueryRef, span: Span): string {
  const map: TextMap = query.parsed.map;
  return query.expr.slice(map.toOriginal(span.from), map.toOriginal(span.to));
}

/** `line:column` inside the query as written of a parsed offset. */
export function queryPosition(query: QueryRef, offset: number): string {
  const { line, column } = lineColumn(query.expr, query.parsed.map.toOriginal(offset));
  return `${line}:${column}`;
}
