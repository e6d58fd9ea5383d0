/**
 * Read the compiled dashboards from `out/grafana/dashboards/**.json`: their grid of panels with
 * titles, types, units and queries. Collapsed rows hold their panels inside the row; they are
 * flattened here, in the order the grid shows them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DashboardVariable } from './variables.ts';

/** A panel's place on Grafana's 24-column grid, in grid units. */
export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One query of a panel. */
export interface PanelTarget {
  refId: string;
  expr: string;
  legendFormat?: string;
  /** `prometheus`, `loki`, `tempo` … from the target's or the panel's datasource. */
  datasource: string;
}

/** A panel with what the raw-data commands and the preview use of it. */
export interface PanelInfo {
  id: number;
  title: string;
  type: string;
  gridPos: GridPos;
  unit?: string;
  description?: string;
  targets: PanelTarget[];
}

/** A compiled dashboard: identity, variables and its panels, rows flattened in grid order. */
export interface DashboardInfo {
  uid: string;
  title: string;
  /** The folder in `out/`, e.g. `services`. */
  folder: string;
  /** Path relative to the project root, e.g. `out/grafana/dashboards/services/svc-pets.json`. */
  file: string;
  variables: DashboardVariable[];
  panels: PanelInfo[];
}

/** The folder holding dashboard JSON under an `out/` folder. */
export function dashboardsDir(outDir: string): string {
  return path.join(outDir, 'grafana/dashboards');
}

/** Every dashboard under `outDir`, sorted by folder then uid; throws naming an unreadable file. */
export function readDashboards(outDir: string, root = process.cwd()): DashboardInfo[] {
  const dir = dashboardsDir(outDir);
  if (!fs.existsSync(dir)) {
    throw new Error(
      `${path.relative(root, dir) || dir}: no dashboards; run \`npm run build\` first`,
    );
  }
  const dashboards: DashboardInfo[] = [];
  for (const folder of fs.readdirSync(dir).sort()) {
    const folderDir = path.join(dir, folder);
    if (!fs.statSync(folderDir).isDirectory()) continue;
    for (const name of fs.readdirSync(folderDir).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(folderDir, name);
      dashboards.push(toDashboard(parseFile(file, root), folder, path.relative(root, file)));
    }
  }
  return dashboards;
}

function parseFile(file: string, root: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `${path.relative(root, file)}: not valid JSON (${(error as Error).message}); ` +
        'rebuild out/ with `npm run build`',
    );
  }
}

type Json = Record<string, unknown>;

function toDashboard(model: Json, folder: string, file: string): DashboardInfo {
  const templating = (model.templating as { list?: DashboardVariable[] } | undefined)?.list ?? [];
  const flat: Json[] = [];
  for (const panel of (model.panels as Json[] | undefined) ?? []) {
    flat.push(panel);
    if (panel.type === 'row') flat.push(...((panel.panels as Json[] | undefined) ?? []));
  }
  return {
    uid: String(model.uid ?? ''),
    title: String(model.title ?? ''),
    folder,
    file,
    variables: templating,
    panels: flat.map(toPanel),
  };
}

function toPanel(panel: Json): PanelInfo {
  const datasource = dsType(panel.datasource);
  // PromQL and LogQL targets hold `expr`; TraceQL (Tempo) targets hold `query`.
  const textOf = (t: Json) => (typeof t.expr === 'string' ? t.expr : t.query);
  const targets = ((panel.targets as Json[] | undefined) ?? [])
    .filter((t) => typeof textOf(t) === 'string' && textOf(t))
    .map((t) => ({
      refId: String(t.refId ?? 'A'),
      expr: String(textOf(t)),
      legendFormat: typeof t.legendFormat === 'string' ? t.legendFormat : undefined,
      datasource: dsType(t.datasource) ?? datasource ?? 'unknown',
    }));
  const defaults = (panel.fieldConfig as { defaults?: { unit?: string } } | undefined)?.defaults;
  const grid = (panel.gridPos ?? {}) as Partial<GridPos>;
  return {
    id: Number(panel.id ?? 0),
    title: String(panel.title ?? ''),
    type: String(panel.type ?? 'unknown'),
    gridPos: { x: grid.x ?? 0, y: grid.y ?? 0, w: grid.w ?? 12, h: grid.h ?? 8 },
    unit: defaults?.unit,
    description: typeof panel.description === 'string' ? panel.description : undefined,
    targets,
  };
}

function dsType(ref: unknown): string | undefined {
  if (!ref || typeof ref !== 'object') return undefined;
  const { type, uid } = ref as { type?: string; uid?: string };
  if (type) return type;
  if (uid?.includes('loki')) return 'loki';
  if (uid?.includes('prom')) return 'prometheus';
  return undefined;
}

/**
 * The dashboard named by uid or title (case-insensitive), and its panel by title. Throws a
 * message listing what exists when either is not found.
 */
export function findPanel(
  dashboards: DashboardInfo[],
  dashboard: string,
  panel: string,
): { dashboard: DashboardInfo; panel: PanelInfo } {
  const wanted = dashboard.toLowerCase();
  const found = dashboards.find((d) => d.uid === dashboard || d.title.toLowerCase() === wanted);
  if (!found) {
    const known = dashboards.map((d) => `${d.uid} ("${d.title}")`).join(', ');
    throw new Error(`no dashboard \`${dashboard}\`; expected a uid or title: ${known}`);
  }
  const panelWanted = panel.toLowerCase();
  const matches = found.panels.filter(
    (p) => p.title.toLowerCase() === panelWanted && p.type !== 'row',
  );
  if (matches.length === 0) {
    const titles = found.panels.filter((p) => p.type !== 'row').map((p) => `"${p.title}"`);
    throw new Error(
      `dashboard ${found.uid} has no panel \`${panel}\`; its panels: ${titles.join(', ')}`,
    );
  }
  return { dashboard: found, panel: matches[0]! };
}
