/**
 * Prometheus duration spellings (`1m`, `60s`, `1h30m`, `90000ms`) reduced to one canonical
 * spelling, so that a live `60s` and a local `1m` compare equal.
 */
import { durationMs, formatDurationMs } from '../model/duration.ts';

/** A duration string in canonical spelling; anything else is returned unchanged. */
export function canonicalDuration(value: string): string {
  const ms = durationMs(value);
  return ms === undefined ? value : formatDurationMs(ms);
}
