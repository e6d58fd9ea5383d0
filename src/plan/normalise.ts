/**
 * The one normaliser live and local documents both go through before they are compared: keys
 * sorted, server-filled and empty fields dropped, durations in one spelling. Per-target rules
 * (which fields the server fills) are passed in, so the comparison itself stays generic.
 */
import { canonicalDuration } from './durations.ts';

export interface NormaliseRules {
  /** Keys removed wherever they appear (e.g. `id`, `version`, `updated`, `provenance`). */
  dropKeys?: readonly string[];
  /** Keys whose string values are durations (`for`, `interval`, …). */
  durationKeys?: readonly string[];
  /** Keys whose array values are sets: sorted before comparing (`tags`, `group_by`). */
  setKeys?: readonly string[];
  /** Key → value that equals leaving the key out (server defaults, e.g. `limit: 0`). */
  defaults?: Readonly<Record<string, unknown>>;
}

/** A normalised copy of `value`; the input is not changed. */
export function normalise(value: unknown, rules: NormaliseRules = {}): unknown {
  return walk(value, rules);
}

function walk(value: unknown, rules: NormaliseRules, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => walk(item, rules)).filter((item) => item !== undefined);
    return key && rules.setKeys?.includes(key) ? sortSet(items) : items;
  }
  if (value && typeof value === 'object') return walkObject(value, rules);
  if (typeof value === 'string' && key && rules.durationKeys?.includes(key)) {
    return canonicalDuration(value);
  }
  return value === null ? undefined : value;
}

function walkObject(value: object, rules: NormaliseRules): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (rules.dropKeys?.includes(key)) continue;
    const child = walk((value as Record<string, unknown>)[key], rules, key);
    if (isEmpty(child) || isDefault(key, child, rules)) continue;
    result[key] = child;
  }
  return result;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function isDefault(key: string, value: unknown, rules: NormaliseRules): boolean {
  if (!rules.defaults || !(key in rules.defaults)) return false;
  const fallback = rules.defaults[key];
  const canonical =
    typeof fallback === 'string' && rules.durationKeys?.includes(key)
      ? canonicalDuration(fallback)
      : fallback;
  return JSON.stringify(value) === JSON.stringify(canonical);
}

function sortSet(items: unknown[]): unknown[] {
  const keyed = items.map((item) => [JSON.stringify(item), item] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, item]) => item);
}

/** Whether two normalised documents are equal. */
export function sameDocument(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether `live` holds everything `local` sets: objects may carry more keys (server defaults a
 * server prints back, such as Alertmanager's `global` block), arrays must have the same length,
 * and a value the server masks as `<secret>` matches anything.
 */
export function containsDocument(live: unknown, local: unknown): boolean {
  if (live === '<secret>') return true;
  if (Array.isArray(local)) {
    return (
      Array.isArray(live) &&
      live.length === local.length &&
      local.every((item, index) => containsDocument(live[index], item))
    );
  }
  if (local && typeof local === 'object') {
    if (!live || typeof live !== 'object' || Array.isArray(live)) return false;
    const liveObject = live as Record<string, unknown>;
    return Object.entries(local).every(([key, value]) => containsDocument(liveObject[key], value));
  }
  return JSON.stringify(live) === JSON.stringify(local);
}
