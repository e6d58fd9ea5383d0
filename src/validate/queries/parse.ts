/**
 * Parse a query as its author wrote it: Grafana variables substituted, then the syntax facts
 * taken from a cache keyed by the query's shape (string contents blanked), so each distinct
 * expression is parsed once per process however many panels and rules repeat it.
 */
import { readFactsCache, writeFactsCache, type FactsTable } from './disk-cache.ts';
import { substituteVariables } from './grafana-vars.ts';
import { logqlFacts, type LogqlFacts } from './logql-facts.ts';
import { normalizeStrings } from './normalize.ts';
import { promqlFacts, type PromqlFacts } from './promql-facts.ts';
import { composeMaps, type TextMap } from './text-map.ts';

export type Language = 'promql' | 'logql';

export interface Parsed<F> {
  facts: F;
  /** The text the fact positions refer to. */
  text: string;
  /** Maps fact positions back to the query as written. */
  map: TextMap;
}

/** Facts by query shape, per language, with what this process used and whether it parsed. */
class FactsCache<F> {
  readonly memory = new Map<string, F>();
  readonly used = new Set<string>();
  parsed = false;

  constructor(private readonly saved: () => FactsTable) {}

  get(key: string): F | undefined {
    const found = this.memory.get(key) ?? (this.saved()[key] as F | undefined);
    if (found) {
      this.memory.set(key, found);
      this.used.add(key);
    }
    return found;
  }

  set(key: string, facts: F): void {
    this.memory.set(key, facts);
    this.used.add(key);
    this.parsed = true;
  }

  /** The entries this process used, for the disk cache. */
  usedTable(): FactsTable {
    return Object.fromEntries([...this.used].sort().map((key) => [key, this.memory.get(key)]));
  }
}

let disk: { promql: FactsTable; logql: FactsTable } | undefined;
const fromDisk = () => (disk ??= readFactsCache());
const promqlCache = new FactsCache<PromqlFacts>(() => fromDisk().promql);
const logqlCache = new FactsCache<LogqlFacts>(() => fromDisk().logql);

/**
 * Keep the facts of this build on disk for the next one, when anything was parsed or an entry
 * is no longer used.
 */
export function saveParseCache(): void {
  const loaded = disk ? Object.keys(disk.promql).length + Object.keys(disk.logql).length : 0;
  const used = promqlCache.used.size + logqlCache.used.size;
  if (!promqlCache.parsed && !logqlCache.parsed && loaded === used) return;
  writeFactsCache({ promql: promqlCache.usedTable(), logql: logqlCache.usedTable() });
  disk = { promql: promqlCache.usedTable(), logql: logqlCache.usedTable() };
  promqlCache.parsed = logqlCache.parsed = false;
}

/** Parse PromQL (Grafana variables allowed); positions map back through `map`. */
export function parsePromql(query: string, base?: TextMap): Parsed<PromqlFacts> {
  return parseWith(query, promqlCache, promqlFacts, base);
}

/** Parse LogQL (Grafana variables allowed); positions map back through `map`. */
export function parseLogql(query: string, base?: TextMap): Parsed<LogqlFacts> {
  return parseWith(query, logqlCache, logqlFacts, base);
}

function parseWith<F extends { error?: unknown }>(
  query: string,
  cache: FactsCache<F>,
  extract: (text: string) => F,
  base?: TextMap,
): Parsed<F> {
  const substituted = substituteVariables(query);
  const toQuery = base ? composeMaps(substituted.map, base) : substituted.map;
  const normalized = normalizeStrings(substituted.text);

  let facts = cache.get(normalized.text);
  if (!facts) {
    facts = extract(normalized.text);
    cache.set(normalized.text, facts);
  }
  if (facts.error && normalized.text !== substituted.text) {
    // Errors are rare: parse the exact text so the reported column is exact too.
    return { facts: extract(substituted.text), text: substituted.text, map: toQuery };
  }
  return { facts, text: normalized.text, map: composeMaps(normalized.map, toQuery) };
}
