/**
 * Numbers in a panel's unit, the common Grafana unit ids only (`s`, `ms`, `bytes`, `percent`,
 * `percentunit`, `reqps` …); any other unit prints the number with the unit id after it.
 */

const binary = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** A short number: at most 3 significant digits after scaling, no exponent below 1e15. */
export function shortNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e15)) return value.toExponential(2);
  if (abs >= 1000) {
    const scaled = ['', 'K', 'M', 'B', 'T'];
    let index = 0;
    let n = value;
    while (Math.abs(n) >= 1000 && index < scaled.length - 1) {
      n /= 1000;
      index++;
    }
    return `${trim(n)}${scaled[index]}`;
  }
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** `value` formatted for `unit` (a Grafana unit id), e.g. `0.25, 's'` → `250 ms`. */
export function formatValue(value: number, unit?: string): string {
  if (!Number.isFinite(value) || !unit || unit === 'none' || unit === 'short') {
    return shortNumber(value);
  }
  switch (unit) {
    case 'percentunit':
      return `${trim(value * 100)}%`;
    case 'percent':
      return `${trim(value)}%`;
    case 's':
      return seconds(value);
    case 'ms':
      return seconds(value / 1000);
    case 'bytes':
    case 'decbytes': {
      let index = 0;
      let n = value;
      while (Math.abs(n) >= 1024 && index < binary.length - 1) {
        n /= 1024;
        index++;
      }
      return `${trim(n)} ${binary[index]}`;
    }
    case 'reqps':
      return `${shortNumber(value)} req/s`;
    case 'ops':
      return `${shortNumber(value)} ops/s`;
    default:
      return `${shortNumber(value)} ${unit}`;
  }
}

function seconds(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0 s';
  if (abs < 1e-3) return `${trim(value * 1e6)} µs`;
  if (abs < 1) return `${trim(value * 1000)} ms`;
  if (abs < 60) return `${trim(value)} s`;
  if (abs < 3600) return `${trim(value / 60)} min`;
  if (abs < 86_400) return `${trim(value / 3600)} h`;
  return `${trim(value / 86_400)} d`;
}
