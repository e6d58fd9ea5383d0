/** Terminal sparklines: a series of numbers as a line of block characters, ▁ lowest, █ highest. */

const bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * `values` squeezed into at most `width` cells (each the mean of its bucket); a gap (NaN or no
 * sample) is a space. A flat series prints as a row of the lowest bar.
 */
export function sparkline(values: number[], width = 40): string {
  const cells = downsample(values, width);
  const finite = cells.filter((v) => Number.isFinite(v));
  if (!finite.length) return ' '.repeat(cells.length);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  // Differences at floating-point noise level (a constant rate) draw as a flat line.
  const span = max - min > 1e-9 * Math.max(Math.abs(min), Math.abs(max)) ? max - min : 0;
  return cells
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      const level = span === 0 ? 0 : Math.round(((v - min) / span) * (bars.length - 1));
      return bars[level];
    })
    .join('');
}

/** At most `width` values, each the mean of the finite values of its bucket (NaN if none). */
export function downsample(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  const cells: number[] = [];
  for (let cell = 0; cell < width; cell++) {
    const from = Math.floor((cell * values.length) / width);
    const to = Math.floor(((cell + 1) * values.length) / width);
    const bucket = values.slice(from, to).filter((v) => Number.isFinite(v));
    cells.push(bucket.length ? bucket.reduce((a, b) => a + b, 0) / bucket.length : NaN);
  }
  return cells;
}
