/** One panel of the preview: its box on the grid, title, type, unit, queries, and live data. */
import type { PanelInfo } from '../raw/dashboards.ts';
import { formatValue } from '../raw/format/units.ts';
import type { TimeRange } from '../raw/time-range.ts';
import { chartHtml } from './chart.ts';
import { esc } from './escape.ts';
import type { PanelData } from './live.ts';

/** Where a panel sits: Grafana's 24-column grid, one grid row per `gridPos` unit. */
function placement(panel: PanelInfo): string {
  const { x, y, w, h } = panel.gridPos;
  return `grid-column:${x + 1} / span ${Math.max(1, Math.min(24 - x, w))};grid-row:${y + 1} / span ${Math.max(1, h)}`;
}

/** The HTML of a panel; `data` is there only when the page was generated with live data. */
export function panelHtml(
  panel: PanelInfo,
  data: PanelData | undefined,
  range?: TimeRange,
): string {
  if (panel.type === 'row') {
    return `<section class="row" style="${placement(panel)}"><h3>${esc(panel.title)}</h3></section>`;
  }
  const badges = [`<span class="type">${esc(panel.type)}</span>`];
  if (panel.unit) badges.push(`<span class="unit">${esc(panel.unit)}</span>`);
  const queries = panel.targets.map(
    (t) =>
      `<div class="q"><span class="ref">${esc(t.refId)} · ${esc(t.datasource)}</span>` +
      `<code>${esc(t.expr)}</code>${t.legendFormat ? `<span class="lf">legend ${esc(t.legendFormat)}</span>` : ''}</div>`,
  );
  const body: string[] = [];
  if (data && range) {
    body.push(liveBody(panel, data, range));
    for (const problem of data.problems) body.push(`<div class="problem">${esc(problem)}</div>`);
    if (queries.length)
      body.push(
        `<details><summary>${queries.length} ${plural(queries.length, 'query', 'queries')}</summary>${queries.join('')}</details>`,
      );
  } else {
    if (panel.description) body.push(`<p class="desc">${esc(panel.description)}</p>`);
    body.push(queries.length ? queries.join('') : '<div class="nodata">no queries</div>');
  }
  return (
    `<article class="panel" style="${placement(panel)}" data-type="${esc(panel.type)}">` +
    `<header><h4 title="${esc(panel.description ?? '')}">${esc(panel.title)}</h4>${badges.join('')}</header>` +
    `<div class="body">${body.join('')}</div></article>`
  );
}

function liveBody(panel: PanelInfo, data: PanelData, range: TimeRange): string {
  if (panel.type === 'stat' || panel.type === 'gauge' || panel.type === 'bargauge') {
    const values = data.series.map((s) => {
      const last = [...s.points].reverse().find(([, v]) => Number.isFinite(v))?.[1];
      const name = s.name === '{}' ? '' : s.name;
      return `<div class="stat"><b>${esc(last === undefined ? '–' : formatValue(last, panel.unit))}</b> ${esc(name)}</div>`;
    });
    return values.length
      ? values.slice(0, 6).join('')
      : '<div class="nodata">no data in the range</div>';
  }
  return chartHtml(data.series, range.start, range.end, panel.unit);
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
