/**
 * Durations as Prometheus, Loki, Tempo, Promtail and Alloy spell them (`500ms`, `24h`, `31d`,
 * `1d12h`, `2w`), parsed to seconds so policies can be compared and multiplied.
 */
import { durationMs } from '../../model/duration.ts';

/** Seconds in `text`, or undefined when it is not a duration (`0` is zero). */
export function parseDuration(text: string): number | undefined {
  const ms = durationMs(text);
  return ms === undefined ? undefined : ms / 1000;
}

/** Seconds in `text`; throws naming the value and where it was set when it is not a duration. */
export function durationSeconds(text: string, what: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) {
    throw new Error(`${what}: \`${text}\` is not a duration; expected e.g. 500ms, 10s, 24h, 31d`);
  }
  return seconds;
}

/** A short human form of a number of seconds: `63.5 min`, `31 d`, `1.9 h`. */
export function humanDuration(seconds: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (seconds < 120) return `${round(seconds)} s`;
  if (seconds < 7200) return `${round(seconds / 60)} min`;
  if (seconds < 172_800) return `${round(seconds / 3600)} h`;
  return `${round(seconds / 86_400)} d`;
}
