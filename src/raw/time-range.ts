/**
 * Time ranges in the forms people type: `--since 1h`, `--from now-2h --to now`, RFC3339
 * (`2026-12-03T10:00:00Z`) or unix seconds. Everything becomes unix seconds, and a step that
 * gives about 100 points.
 */

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

const unitSeconds: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/** Points a range query aims for when no `--step` is given. */
export const targetPoints = 100;

/** Seconds in a duration like `90s`, `1h30m`, `2d`; throws naming the value when malformed. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g)];
  const joined = parts.map((p) => p[0]).join('');
  if (!parts.length || joined !== trimmed) {
    throw new Error(`duration \`${text}\` is not valid; expected e.g. 30s, 15m, 1h30m, 2d`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * unitSeconds[p[2]!]!, 0);
}

/** A Prometheus-style duration for a number of seconds: `90` → `1m30s`. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(1, Math.round(totalSeconds));
  let text = '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
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
