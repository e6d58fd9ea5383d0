/**
 * Suppressions: accept one lint finding on purpose, naming the rule and the reason. Dashboards
 * and rule builders have a `.suppress(rule, reason)` method; SDK panel builders, which we do not
 * subclass, take the `suppressed(panel, rule, reason)` helper before `withPanel`.
 */
import { captureSource } from '../model/source.ts';
import type { Suppression } from '../model/resource.ts';

const panelSuppressions = new WeakMap<object, Suppression[]>();

/** A suppression made at the caller's line. */
export function suppression(rule: string, reason: string): Suppression {
  return { rule, reason: reason ?? '', source: captureSource() };
}

/**
 * Accept finding `rule` on one panel, for `reason`:
 * `.withPanel(suppressed(stat('Pets'), 'panel/unit-missing', 'a plain count'))`.
 */
export function suppressed<P extends object>(panel: P, rule: string, reason: string): P {
  const list = panelSuppressions.get(panel) ?? [];
  list.push(suppression(rule, reason));
  panelSuppressions.set(panel, list);
  return panel;
}

/** The suppressions `suppressed()` attached to a panel builder, scoped to its JSON path. */
export function panelSuppressionsAt(panel: object, path: string): Suppression[] {
  return (panelSuppressions.get(panel) ?? []).map((s) => ({ ...s, path }));
}
