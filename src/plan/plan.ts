/**
 * A plan: for every object push manages on every target, what would happen to it — create,
 * update, delete, nothing, or blocked (exists but is not ours) — with the normalised live and
 * local documents and the diff between them.
 */
import { unifiedDiff } from './diff.ts';
import { sameDocument } from './normalise.ts';

export type Action = 'create' | 'update' | 'unchanged' | 'delete' | 'blocked';

/** One object on one target and what push would do with it. */
export interface PlanItem {
  /** `grafana`, `prometheus`, `loki`, `alertmanager`. */
  target: string;
  /** The object's kind on the target (`folder`, `dashboard`, `rule-group`, `rule-file` …). */
  kind: string;
  /** Identity on the target: a uid, `namespace/group`, a file name. */
  key: string;
  action: Action;
  /** Push applies lower numbers first (src/compile/kinds.ts `order`); deletes run in reverse. */
  order: number;
  /** Normalised live document; undefined when the object does not exist. */
  live?: unknown;
  /** Normalised local document; undefined when the object is no longer defined. */
  local?: unknown;
  /** Unified diff live → local; only for create, update and delete. */
  diff?: string;
  /** Why an object is blocked, or why a delete was skipped. */
  reason?: string;
  /** The definition line, for local objects (`file:line:col`). */
  source?: string;
}

/** `kind key`, how messages name a plan item. */
export function itemLabel(item: Pick<PlanItem, 'target' | 'kind' | 'key'>): string {
  return `${item.target} ${item.kind} ${item.key}`;
}

/**
 * Decide the action for one object from its normalised documents. `managed` says whether the
 * live object carries our ownership mark; an unmarked live object is never changed or deleted.
 */
export function decide(
  base: Omit<PlanItem, 'action' | 'diff'>,
  managed: boolean,
  prune: boolean,
  adopt = false,
): PlanItem | undefined {
  const { live, local } = base;
  const label = `${base.kind}/${base.key}`;
  if (local === undefined) {
    if (live === undefined || !managed || !prune) return undefined;
    return { ...base, action: 'delete', diff: unifiedDiff(label, live, undefined) };
  }
  if (live === undefined) {
    return { ...base, action: 'create', diff: unifiedDiff(label, undefined, local) };
  }
  if (!managed && !adopt) {
    const reason = 'exists on the server but is not managed by this repository (pass --adopt)';
    return { ...base, action: 'blocked', reason, diff: unifiedDiff(label, live, local) };
  }
  if (sameDocument(live, local)) return { ...base, action: 'unchanged' };
  return { ...base, action: 'update', diff: unifiedDiff(label, live, local) };
}

export type PlanSummary = Record<Action, number>;

/** Counts per action. */
export function summarise(items: readonly PlanItem[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, unchanged: 0, delete: 0, blocked: 0 };
  for (const item of items) summary[item.action] += 1;
  return summary;
}

/** Sort for output: by order, then target, kind and key. */
export function sortItems(items: PlanItem[]): PlanItem[] {
  const key = (i: PlanItem) =>
    `${String(i.order).padStart(4, '0')}\u0000${i.target}\u0000${i.kind}\u0000${i.key}`;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
