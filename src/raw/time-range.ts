/**
 * Time ranges in the forms people type: `--since 1h`, `--from now-2h --to now`, RFC3339
 * (`2026-12-03T10:00:00Z`) or unix seconds. Everything becomes unix seconds, and a step that
 * gives about 100 points.
 */
import { durationMs, formatDurationMs } from '../model/duration.ts';

/** A resolved range in unix seconds, and the query step in seconds. */
export interface TimeRange {
  start: number;
  end: number;
  step: number;
}

/** The time flags as typed on the command line. */
export interface TimeRangeFlags {
  since?: string;
  from?: string;
  to?: string;
  step?: string;
}

/** Points a range query aims for when no `--step` is given. */
export const targetPoints = 100;

/** Seconds in a duration like `90s`, `1h30m`, `2d`, `1.5h`; throws naming the value when malformed. */
export function parseDuration(text: string): number {
  const ms = durationMs(text.trim(), { fractions: true });
  if (ms === undefined || text.trim() === '0') {
    throw new Error(`duration \`${text}\` is not valid; expected e.g. 30s, 15m, 1h30m, 2d`);
  }
  return ms / 1000;
}

/** A Prometheus-style duration for a number of seconds (at least `1s`): `90` → `1m30s`. */
export function formatDuration(totalSeconds: number): string {
  return formatDurationMs(Math.max(1, Math.round(totalSeconds)) * 1000);
}

/**
 * A point in time: `now`, `now-2h`, `now+5m`, unix seconds (or milliseconds when it has 13
 * digits), or an RFC3339 date. Throws naming the value when it is none of those.
 */
export function parseTime(text: string, now: number): number {
  const trimmed = text.trim();
  const relative = /^now(?:([+-])(.+))?$/.exec(trimmed);
  if (relative) {
    if (!relative[1]) return now;
    const offset = parseDuration(relative[2]!);
    return relative[1] === '-' ? now - offset : now + offset;
  }
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const value = Number(trimmed);
    return trimmed.split('.')[0]!.length >= 13 ? value / 1000 : value;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  throw new Error(
    `time \`${text}\` is not valid; expected now, now-2h, unix seconds or RFC3339 (2026-01-02T15:04:05Z)`,
  );
}

/** Resolve the range flags (default: the last hour); throws naming a bad or reversed value. */
export function parseTimeRange(
  flags: TimeRangeFlags,
  now = Math.floor(Date.now() / 1000),
): TimeRange {
  if (flags.since && (flags.from || flags.to)) {
    throw new Error('use either --since or --from/--to, not both');
  }
  const end = flags.to ? parseTime(flags.to, now) : now;
  const start = flags.since
    ? end - parseDuration(flags.since)
    : flags.from
      ? parseTime(flags.from, now)
      : end - 3600;
  if (start >= end) {
    throw new Error(`the range starts (${iso(start)}) at or after it ends (${iso(end)})`);
  }
  const step = flags.step ? parseDuration(flags.step) : autoStep(end - start);
  return { start, end, step };
}

/** About `targetPoints` points over the range, in whole seconds, at least one second. */
export function autoStep(rangeSeconds: number): number {
  return Math.max(1, Math.ceil(rangeSeconds / targetPoints));
}

/** Unix seconds as RFC3339 in UTC, without milliseconds when they are zero. */
export function iso(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');
}
