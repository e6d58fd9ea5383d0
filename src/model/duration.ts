/**
 * Durations as Prometheus, Alertmanager, Loki, Tempo and the agents spell them (`500ms`, `90s`,
 * `1h30m`, `31d`, `2w`): one parser and one printer for the whole tool, in milliseconds.
 */

const unitMs: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const whole = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const wholeWithFractions = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w|y))+$/;
const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g;

/**
 * Milliseconds of a duration, or undefined when `text` is not one. `0` alone is zero.
 * `fractions` also accepts `1.5h` (command-line flags; Prometheus itself does not).
 */
export function durationMs(
  text: string,
  options: { fractions?: boolean } = {},
): number | undefined {
  if (text === '0') return 0;
  if (!(options.fractions ? wholeWithFractions : whole).test(text)) return undefined;
  let total = 0;
  for (const [, value, unit] of text.matchAll(part)) total += Number(value) * unitMs[unit!]!;
  return total;
}

/**
 * The canonical spelling of a number of milliseconds, largest units first, days at most (as
 * Prometheus prints them): `90000` → `1m30s`, `0` → `0s`.
 */
export function formatDurationMs(ms: number): string {
  if (ms <= 0) return '0s';
  let rest = Math.round(ms);
  let text = '';
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const size = unitMs[unit]!;
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text;
}
