/**
 * Unified diffs between normalised live and local documents, labelled `live` and `local`,
 * rendered as YAML so a reviewer reads one key per line.
 */
import { createTwoFilesPatch } from 'diff';
import { toYaml } from '../emit/serialize.ts';

/** The text both sides are diffed as: YAML of the normalised document, `` for none. */
export function documentText(document: unknown): string {
  return document === undefined ? '' : toYaml(document);
}

/** A unified diff of `live` → `local` for the resource `label`, three lines of context. */
export function unifiedDiff(label: string, live: unknown, local: unknown): string {
  const patch = createTwoFilesPatch(
    `live/${label}`,
    `local/${label}`,
    documentText(live),
    documentText(local),
    'live',
    'local',
    { context: 3 },
  );
  // `diff` starts with a row of `=`; a unified diff starts at `---`.
  return patch.slice(patch.indexOf('--- '));
}
