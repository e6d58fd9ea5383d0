/**
 * The parse facts of the last build, kept on disk so the next build parses only the queries
 * that changed: parsing a few hundred distinct expressions costs ~200 ms in a fresh process
 * (lezer's code is not yet optimised by the JIT), reading them back ~1 ms. The file is keyed by
 * the grammar versions and the source of the fact extractors, so a change to either starts a
 * new cache; it holds only the entries the last build of the same project used.
 * `OBS_NO_CACHE=1` turns it off.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  cachesEnabled,
  projectKey,
  readCacheFile,
  touchCacheFile,
  validateCacheDir as cacheDir,
  writeCacheFile,
} from '../../cache/caches.ts';
import { repoRoot } from '../../model/source.ts';

/** The extractor sources whose change invalidates cached facts. */
const extractors = ['promql-facts.ts', 'logql-facts.ts', 'tree.ts', 'normalize.ts', 'strings.ts'];

export type FactsTable = Record<string, unknown>;

let file: string | undefined | null;
let grammarKey: string | undefined;

function cacheFile(): string | null {
  if (file !== undefined) return file;
  if (!cachesEnabled()) return (file = null);
  try {
    const hash = createHash('sha256');
    for (const pkg of ['@prometheus-io/lezer-promql', '@grafana/lezer-logql']) {
      hash.update(fs.readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json')));
    }
    for (const name of extractors) {
      hash.update(fs.readFileSync(path.join(repoRoot, 'src/validate/queries', name)));
    }
    grammarKey = hash.digest('hex').slice(0, 16);
    file = path.join(cacheDir, `facts-${grammarKey}-${projectKey()}.json`);
  } catch {
    file = null; // sources not on disk (an installed bundle): no cache, just parse
  }
  return file;
}

/** The facts saved by the last build, per language; empty when there are none. */
export function readFactsCache(): { promql: FactsTable; logql: FactsTable } {
  const target = cacheFile();
  if (!target) return { promql: {}, logql: {} };
  touchCacheFile(target);
  return (
    readCacheFile<{ promql: FactsTable; logql: FactsTable }>(target) ?? { promql: {}, logql: {} }
  );
}

/** Save the facts this build used, atomically; a failure to write only costs the next build time. */
export function writeFactsCache(tables: { promql: FactsTable; logql: FactsTable }): void {
  const target = cacheFile();
  if (!target) return;
  try {
    // Facts of other grammar versions or extractors can never be read again.
    for (const old of fs.readdirSync(cacheDir)) {
      if (old.startsWith('facts-') && !old.startsWith(`facts-${grammarKey}-`)) {
        fs.rmSync(path.join(cacheDir, old), { force: true });
      }
    }
  } catch {
    // no cache folder yet
  }
  writeCacheFile(target, JSON.stringify(tables), 'facts-');
}
