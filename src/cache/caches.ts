/**
 * Where the build keeps what it can reuse between runs, and the one switch that turns all of it
 * off. Every cache here is an optimisation only: its entries are keyed by the content they were
 * computed from, so a stale entry is never used, and a missing or unreadable one costs only time.
 * Caches are kept per project root, so building two projects in turn does not evict either, and
 * a cache file unused for a week is removed.
 *
 * `OBS_NO_CACHE=1` (or the older `OBS_NO_PARSE_CACHE=1`) makes every build start cold: the
 * definition bundles, the parsed query facts and the verdicts of promtool and amtool are all
 * recomputed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRootOf, repoRoot } from '../model/source.ts';

/** The folder of the validation caches (query facts, tool verdicts). */
export const validateCacheDir = path.join(repoRoot, 'node_modules', '.cache', 'obs-validate');

const week = 7 * 24 * 3600 * 1000;

/** Whether build caches may be read and written in this process. */
export function cachesEnabled(): boolean {
  return !process.env.OBS_NO_CACHE && !process.env.OBS_NO_PARSE_CACHE;
}

/** A short key of the project being built, for cache file names. */
export function projectKey(): string {
  return createHash('sha256').update(projectRootOf()).digest('hex').slice(0, 12);
}

/** Read a JSON cache file, or undefined when it is missing or unreadable. */
export function readCacheFile<T>(target: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(target, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Write `text` to `target` atomically, then remove the files of the same family (`prefix`) that
 * no build used for a week. A failure (read-only checkout, full disk) is ignored.
 */
export function writeCacheFile(target: string, text: string, prefix: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, target);
  } catch {
    return; // the next build recomputes
  }
  pruneCacheFiles(path.dirname(target), prefix);
}

/** Mark a cache file as used now, so it is not pruned while builds keep reading it. */
export function touchCacheFile(target: string): void {
  try {
    const now = new Date();
    fs.utimesSync(target, now, now);
  } catch {
    // gone: the next build recomputes
  }
}

function pruneCacheFiles(dir: string, prefix: string): void {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.startsWith(prefix) && now - fs.statSync(file).mtimeMs > week) {
        fs.rmSync(file, { force: true });
      }
    }
  } catch {
    // nothing to prune
  }
}

/** A file's path, modification time and size: what says it is unchanged since it was recorded. */
export type InputStamp = [file: string, mtimeMs: number, size: number];

/** The stamps of the files that exist among `files`. */
export function stampInputs(files: string[]): InputStamp[] {
  const stamps: InputStamp[] = [];
  for (const file of files) {
    try {
      const stat = fs.statSync(file);
      stamps.push([file, stat.mtimeMs, stat.size]);
    } catch {
      // gone: nothing to compare later
    }
  }
  return stamps;
}

/** Whether every stamped file still has its recorded modification time and size. */
export function inputsUnchanged(stamps: InputStamp[]): boolean {
  return stamps.every(([file, mtimeMs, size]) => {
    try {
      const stat = fs.statSync(file);
      return stat.mtimeMs === mtimeMs && stat.size === size;
    } catch {
      return false;
    }
  });
}
