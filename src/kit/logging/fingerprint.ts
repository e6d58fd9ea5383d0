/**
 * The error fingerprint: one stable id for "the same error", so the errors dashboard and Loki
 * alerts can group and count occurrences across instances, deploys and restarts.
 *
 * Definition: the first 16 hex digits of SHA-256 over the error type and its top 5 stack frames,
 * each frame reduced to `function@file` — line and column numbers dropped (they move with every
 * edit), paths made relative to the working directory (deploy folders differ), and frames in
 * `node_modules` or Node's own `node:` internals skipped (they say where a library was entered,
 * not which call of ours failed). The message is left out: it often holds ids. An error with no
 * frame of ours falls back to its first 5 frames, reduced the same way.
 */
import { createHash } from 'node:crypto';

const framesUsed = 5;

/** The fingerprint of an error, per the definition above. */
export function errorFingerprint(
  type: string,
  stack: string | undefined,
  cwd = process.cwd(),
): string {
  const frames = stackFrames(stack ?? '', cwd);
  const ours = frames.filter((frame) => !isLibraryFrame(frame));
  const chosen = (ours.length > 0 ? ours : frames).slice(0, framesUsed);
  return createHash('sha256')
    .update([type, ...chosen].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** The `at …` lines of a V8 stack, as `function@file` without positions. */
export function stackFrames(stack: string, cwd = process.cwd()): string[] {
  return stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .map((line) => normaliseFrame(line.slice(3), cwd));
}

function normaliseFrame(frame: string, cwd: string): string {
  const withFunction = /^(.*?) \((.*)\)$/.exec(frame);
  const fn = withFunction ? withFunction[1]! : '<anonymous>';
  let location = withFunction ? withFunction[2]! : frame;
  location = location.replace(/^file:\/\//, '').replace(/:\d+(:\d+)?$/, '');
  if (location.startsWith(cwd + '/')) location = location.slice(cwd.length + 1);
  return `${fn}@${location}`;
}

function isLibraryFrame(frame: string): boolean {
  return frame.includes('node_modules/') || frame.includes('@node:') || frame.endsWith('@native');
}
