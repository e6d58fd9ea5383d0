/**
 * What promtool already accepted. `promtool check rules` takes about half a second per thousand
 * rules, and its verdict on a file depends only on the file's bytes and on the promtool binary,
 * so a rule file whose exact bytes passed the same binary before is not sent again: a rebuild
 * checks only the rule files that changed. Verdicts are kept per project, per binary (its path,
 * size and modification time) and per argument list, and only for files that passed; the saved
 * set holds the files of the last build, so it does not grow without bound
 * (`../../cache/caches.ts` removes sets unused for a week). `OBS_NO_CACHE=1` turns it off.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  cachesEnabled,
  projectKey,
  readCacheFile,
  touchCacheFile,
  validateCacheDir,
  writeCacheFile,
} from '../../cache/caches.ts';

export interface Verdicts {
  /** Whether these exact bytes passed before. */
  passed(text: string): boolean;
  /** Save the verdicts of this build: `passed` are the texts that passed now or before. */
  save(passed: string[]): void;
}

const none: Verdicts = { passed: () => false, save: () => {} };

/** The remembered verdicts of `bin args`; remembers nothing when caches are off. */
export function verdictsOf(bin: string, args: string[]): Verdicts {
  if (!cachesEnabled()) return none;
  let identity: string;
  try {
    const real = fs.realpathSync(bin);
    const stat = fs.statSync(real);
    identity = `${real}\u0000${stat.size}\u0000${stat.mtimeMs}\u0000${args.join('\u0000')}`;
  } catch {
    return none;
  }
  const key = digest(identity).slice(0, 16);
  const target = path.join(validateCacheDir, `verdicts-${key}-${projectKey()}.json`);
  const known = new Set(readCacheFile<string[]>(target) ?? []);
  const digests = new Map<string, string>(); // each text is hashed once, asked and saved
  const digestOf = (text: string) => {
    let value = digests.get(text);
    if (value === undefined) digests.set(text, (value = digest(text)));
    return value;
  };
  return {
    passed: (text) => known.has(digestOf(text)),
    save(passed) {
      const next = [...new Set(passed.map(digestOf))].sort();
      if (next.length === known.size && next.every((d) => known.has(d))) {
        touchCacheFile(target); // still in use: keep it from being pruned
        return;
      }
      writeCacheFile(target, JSON.stringify(next), 'verdicts-');
    },
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
