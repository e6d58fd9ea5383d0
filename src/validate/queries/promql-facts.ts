/**
 * Parse PromQL with Prometheus's own lezer grammar and extract, once per distinct expression,
 * the facts the lint rules need: the first syntax error, selectors with their metric and label
 * names, rate-like calls with their window, `by` clauses, and histogram_quantile calls that
 * aggregate `le` away.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import {
  children,
  firstError,
  textOf,
  unquote,
  unwrap,
  type Span,
  type SyntaxErrorFact,
} from './tree.ts';

export interface SelectorFact {
  /** The metric name, from the identifier or a `__name__="…"` matcher. */
  metric?: string;
  /** Label names matched in `{…}`. */
  labels: string[];
  span: Span;
}

export interface RangeCallFact {
  /** `rate`, `irate` or `increase`. */
  fn: string;
  /** The metric of the range selector; unset over a subquery. */
  metric?: string;
  /** The range window, e.g. the `5m` of `[5m]`. */
  window: Span;
  span: Span;
}

export interface PromqlFacts {
  error?: SyntaxErrorFact;
  selectors: SelectorFact[];
  rangeCalls: RangeCallFact[];
  /** Label lists of `by (…)` clauses (aggregations). */
  groupings: { labels: string[]; span: Span }[];
  /** histogram_quantile calls whose inner aggregation drops the `le` label. */
  quantilesWithoutLe: Span[];
  /** Duration texts of range selectors and subqueries (`5m` of `[5m]`, `30d` of `[30d:1h]`). */
  ranges: string[];
  /** Duration texts of `offset` modifiers. */
  offsets: string[];
}

const rateFunctions: Record<string, string> = {
  Rate: 'rate',
  Irate: 'irate',
  Increase: 'increase',
};
const wrappers = ['ParenExpr', 'OffsetExpr', 'StepInvariantExpr'];

/** Parse `text` and collect its facts; positions are offsets of `text`. */
export function promqlFacts(text: string): PromqlFacts {
  const tree = parser.parse(text);
  const facts: PromqlFacts = {
    selectors: [],
    rangeCalls: [],
    groupings: [],
    quantilesWithoutLe: [],
    ranges: [],
    offsets: [],
  };
  const error = firstError(tree, text);
  if (error) facts.error = error;

  tree.iterate({
    enter(ref) {
      const node = ref.node;
      if (ref.name === 'VectorSelector') facts.selectors.push(selectorFact(node, text));
      else if (ref.name === 'AggregateModifier') addGrouping(node, text, facts);
      else if (ref.name === 'FunctionCall') addCall(node, text, facts);
      else if (ref.name === 'MatrixSelector' || ref.name === 'SubqueryExpr') {
        const duration = node.getChild('DurationExpr');
        if (duration) facts.ranges.push(text.slice(duration.from, duration.to).trim());
      } else if (ref.name === 'OffsetDurationExpr') {
        facts.offsets.push(text.slice(node.from, node.to).trim());
      }
      return undefined;
    },
  });
  return facts;
}

function selectorFact(node: SyntaxNode, text: string): SelectorFact {
  const fact: SelectorFact = { labels: [], span: { from: node.from, to: node.to } };
  const identifier = node.getChild('Identifier');
  if (identifier) fact.metric = textOf(text, identifier);
  for (const matcher of node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
    const label = textOf(text, matcher.getChild('LabelName') ?? matcher);
    fact.labels.push(label);
    const value = matcher.getChild('StringLiteral');
    if (label === '__name__' && matcher.getChild('MatchOp')?.getChild('EqlSingle') && value) {
      fact.metric = unquote(textOf(text, value));
    }
  }
  for (const matcher of node.getChild('LabelMatchers')?.getChildren('QuotedLabelMatcher') ?? []) {
    const parts = children(matcher);
    if (parts.length === 1 && parts[0]!.name === 'StringLiteral') {
      fact.metric = unquote(textOf(text, parts[0]!));
    } else {
      const name = matcher.getChild('QuotedLabelName');
      if (name) fact.labels.push(unquote(textOf(text, name)));
    }
  }
  return fact;
}

function addGrouping(node: SyntaxNode, text: string, facts: PromqlFacts): void {
  if (!node.getChild('By')) return;
  facts.groupings.push({
    labels: groupingLabels(node, text),
    span: { from: node.from, to: node.to },
  });
}

/** The label names of a `by (…)` / `without (…)` modifier. */
function groupingLabels(modifier: SyntaxNode, text: string): string[] {
  const labels = modifier.getChild('GroupingLabels');
  return (labels ? children(labels) : []).map((l) =>
    l.name === 'QuotedLabelName' ? unquote(textOf(text, l)) : textOf(text, l),
  );
}

function addCall(node: SyntaxNode, text: string, facts: PromqlFacts): void {
  const fn = node.getChild('FunctionIdentifier')?.firstChild?.name ?? '';
  const args = children(node.getChild('FunctionCallBody') ?? node).filter((c) => !c.type.isError);
  const span = { from: node.from, to: node.to };

  if (fn in rateFunctions) {
    const arg = unwrap(args[0], wrappers);
    if (arg?.name === 'MatrixSelector') {
      const window = spanOf(arg.getChild('DurationExpr'));
      const vector = arg.getChild('VectorSelector');
      const metric = vector ? selectorFact(vector, text).metric : undefined;
      if (window) facts.rangeCalls.push({ fn: rateFunctions[fn]!, metric, window, span });
    } else if (arg?.name === 'SubqueryExpr') {
      const window = spanOf(arg.getChild('DurationExpr'));
      if (window) facts.rangeCalls.push({ fn: rateFunctions[fn]!, window, span });
    }
  }

  if (fn === 'HistogramQuantile' && dropsLe(unwrap(args[1], ['ParenExpr']), text)) {
    facts.quantilesWithoutLe.push(span);
  }
}

function spanOf(node: SyntaxNode | null): Span | undefined {
  return node ? { from: node.from, to: node.to } : undefined;
}

/** An aggregation without `by (le, …)`, or with `without (le, …)`, removes the buckets. */
function dropsLe(arg: SyntaxNode | null, text: string): boolean {
  if (arg?.name !== 'AggregateExpr') return false;
  const op = arg.getChild('AggregateOp')?.firstChild?.name;
  if (op === 'Topk' || op === 'Bottomk' || op === 'LimitK' || op === 'LimitRatio') return false;
  const modifier = arg.getChild('AggregateModifier');
  if (!modifier) return true;
  const labels = groupingLabels(modifier, text);
  return modifier.getChild('By') ? !labels.includes('le') : labels.includes('le');
}
