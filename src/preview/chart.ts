/**
 * A time series drawn as inline SVG at generation time, so the preview needs no script and no
 * network: one polyline per series in a fixed viewBox stretched to the panel, with the value
 * range and the time range written as HTML around it (SVG text would stretch with the lines).
 */
import { formatValue } from '../raw/format/units.ts';
import type { Series } from '../raw/series.ts';
import { iso } from '../raw/time-range.ts';
import { esc } from './escape.ts';

const width = 1000;
const height = 300;
/** Colours that stay apart on a white background. */
export const palette = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];
/** Series beyond this many are summed up in the legend, not drawn, to keep the page small. */
export const maxSeries = 8;

/** The chart and its legend for a panel's series over [start, end]. */
export function chartHtml(series: Series[], start: number, end: number, unit?: string): string {
  const drawn = series
    .filter((s) => s.points.some(([, v]) => Number.isFinite(v)))
    .slice(0, maxSeries);
  if (!drawn.length) return '<div class="nodata">no data in the range</div>';
  const values = drawn.flatMap((s) => s.points.map(([, v]) => v)).filter((v) => Number.isFinite(v));
  let min = Math.min(...values);
  let max = Math.max(...values);
  // Grafana's default: the axis starts at zero for series that never go below it.
  if (min > 0) min = 0;
  if (max === min) max = min + 1;

  const x = (t: number) => ((t - start) / (end - start)) * width;
  const y = (v: number) => height - ((v - min) / (max - min)) * height;
  const lines = drawn.map((s, index) => {
    const segments: string[] = [];
    let current: string[] = [];
    for (const [t, v] of s.points) {
      if (!Number.isFinite(v)) {
        if (current.length) segments.push(current.join(' '));
        current = [];
        continue;
      }
      current.push(`${x(t).toFixed(1)},${y(v).toFixed(1)}`);
    }
    if (current.length) segments.push(current.join(' '));
    const colour = palette[index % palette.length];
    return segments
      .map((points) =>
        points.includes(' ')
          ? `<polyline points="${points}" stroke="${colour}"/>`
          : `<circle cx="${points.split(',')[0]}" cy="${points.split(',')[1]}" r="3" fill="${colour}"/>`,
      )
      .join('');
  });

  const legend = drawn.map((s, index) => {
    const last = [...s.points].reverse().find(([, v]) => Number.isFinite(v))?.[1];
    const value = last === undefined ? '' : formatValue(last, unit);
    return `<li><i style="background:${palette[index % palette.length]}"></i>${esc(s.name)} <b>${esc(value)}</b></li>`;
  });
  const hidden = series.length - drawn.length;
  if (hidden > 0) legend.push(`<li>… ${hidden} more series not drawn</li>`);

  return (
    `<div class="chart"><span class="ymax">${esc(formatValue(max, unit))}</span>` +
    `<span class="ymin">${esc(formatValue(min, unit))}</span>` +
    `<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" role="img" aria-label="time series">` +
    `<g fill="none" stroke-width="2">${lines.join('')}</g></svg>` +
    `<span class="xmin">${esc(iso(start))}</span><span class="xmax">${esc(iso(end))}</span></div>` +
    `<ul class="legend">${legend.join('')}</ul>`
  );
}
