/**
 * Where the build keeps what it can reuse between runs, and the one switch that turns all of it
 * off. Every cache here is an optimisation only: its entries are keyed by the content they were
 * computed from, so a stale entry is never used, and a missing or unreadable one costs only time.
 *
 * `OBS_NO_CACHE=1` (or the older `OBS_NO_PARSE_CACHE=1`) makes every build start cold: the
 * definition bundles, the parsed query facts and the verdicts of promtool are all recomputed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../model/source.ts';

/** The folder of the validation caches (query facts, tool verdicts). */
export const validateCacheDir = path.join(repoRoot, 'node_modules', '.cache', 'obs-validate');

/** Whether build caches may be read and written in this process. */
export function cachesEnabled(): boolean {
  return !process.env.OBS_NO_CACHE && !process.env.OBS_NO_PARSE_CACHE;
}

/** Write `text` to `target` atomically; a failure (read-only checkout, full disk) is ignored. */
export function writeCacheFile(target: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, target);
  } catch {
    // the next build recomputes
  }
}

/** Read a JSON cache file, or undefined when it is missing or unreadable. */
export function readCacheFile<T>(target: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(target, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
