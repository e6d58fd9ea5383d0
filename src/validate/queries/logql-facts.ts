/**
 * Parse LogQL with Grafana's lezer grammar (the one Grafana's query editor uses) and extract the
 * facts the lint rules need: the first syntax error, the label names of stream selectors, and
 * `by (…)` clauses. Label filters after a parser (`| json | request_id="…"`) are not stream
 * selectors and are left alone: they cost nothing in Loki's index.
 */
import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';
import { children, firstError, textOf, type Span, type SyntaxErrorFact } from './tree.ts';

export interface LogqlFacts {
  error?: SyntaxErrorFact;
  /** Label names of stream selectors `{…}`. */
  streamLabels: { label: string; span: Span }[];
  groupings: { labels: string[]; span: Span }[];
}

/** Parse `text` and collect its facts; positions are offsets of `text`. */
export function logqlFacts(text: string): LogqlFacts {
  const tree = parser.parse(text);
  const facts: LogqlFacts = { streamLabels: [], groupings: [] };
  const error = firstError(tree, text);
  if (error) facts.error = error;

  tree.iterate({
    enter(ref) {
      if (ref.name === 'Selector') addSelector(ref.node, text, facts);
      else if (ref.name === 'Grouping') addGrouping(ref.node, text, facts);
      return undefined;
    },
  });
  return facts;
}

function addSelector(node: SyntaxNode, text: string, facts: LogqlFacts): void {
  const walk = (matchers: SyntaxNode | null) => {
    for (const child of matchers ? children(matchers) : []) {
      if (child.name === 'Matchers') walk(child);
      if (child.name !== 'Matcher') continue;
      const identifier = child.getChild('Identifier');
      if (identifier) {
        facts.streamLabels.push({
          label: textOf(text, identifier),
          span: { from: identifier.from, to: identifier.to },
        });
      }
    }
  };
  walk(node.getChild('Matchers'));
}

function addGrouping(node: SyntaxNode, text: string, facts: LogqlFacts): void {
  if (!node.getChild('By')) return;
  const labels = node.getChild('Labels');
  const names = labels ? labels.getChildren('Identifier').map((l) => textOf(text, l)) : [];
  facts.groupings.push({ labels: names, span: { from: node.from, to: node.to } });
}
