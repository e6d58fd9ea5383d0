/**
 * Prometheus duration spellings (`1m`, `60s`, `1h30m`, `90000ms`) reduced to one canonical
 * spelling, so that a live `60s` and a local `1m` compare equal.
 */

const units: [string, number][] = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

const durationPattern = /^(?:\d+(?:y|w|d|h|ms|m|s))+$/;
const part = /(\d+)(y|w|d|h|ms|m|s)/g;

/** Milliseconds of a Prometheus duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (!durationPattern.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(part)) {
    const unit = units.find(([name]) => name === match[2])!;
    total += Number(match[1]) * unit[1];
  }
  return total;
}

/** The canonical spelling of a number of milliseconds: largest units first, `0s` for zero. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const [name, size] of units) {
    if (name === 'y' || name === 'w') continue; // Prometheus prints days and below
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${name}`;
      rest -= count * size;
    }
  }
  return text;
}

/** A duration string in canonical spelling; anything else is returned unchanged. */
export function canonicalDuration(value: string): string {
  const ms = parseDuration(value);
  return ms === undefined ? value : formatDuration(ms);
}
