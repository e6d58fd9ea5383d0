/**
 * What the dashboard tests share: the real build's dashboards and datasources (loaded once per
 * file through the loader, as `npm run build` does) and walkers over the JSON models.
 */
import { loadDefinitions } from '../../src/load/load.ts';
import { repoRoot } from '../../src/model/source.ts';
import type { Resource } from '../../src/model/resource.ts';
import { panelsOf, type DashboardJson, type PanelJson } from '../../src/validate/dashboard-walk.ts';
import {
  isBuiltinVariable,
  variableName,
  variableReference,
} from '../../src/model/grafana-variables.ts';

export interface Build {
  dashboards: Resource<DashboardJson>[];
  datasources: Resource<{ uid: string; type: string; jsonData?: Record<string, unknown> }>[];
  diagnostics: unknown[];
}

/** Load every definition of the repository. */
export async function loadBuild(): Promise<Build> {
  const loaded = await loadDefinitions(repoRoot);
  return {
    dashboards: loaded.resources.filter((r) => r.kind === 'dashboard') as Build['dashboards'],
    datasources: loaded.resources.filter((r) => r.kind === 'datasource') as Build['datasources'],
    diagnostics: loaded.diagnostics,
  };
}

/** A query of a dashboard with where it is, whatever holds it (panel, variable, annotation). */
export interface QueryText {
  where: string;
  text: string;
  /** `prometheus`, `loki`, `tempo`, or `grafana-variable` for `label_values(…)` queries. */
  language: string;
}

/** Every query text of a dashboard: panel targets, variable queries, annotation expressions. */
export function queryTexts(dashboard: DashboardJson): QueryText[] {
  const texts: QueryText[] = [];
  for (const { panel, path } of panelsOf(dashboard)) {
    panel.targets?.forEach((target, index) => {
      const text = typeof target.expr === 'string' ? target.expr : target.query;
      if (typeof text !== 'string') return;
      const language = target.datasource?.type ?? panel.datasource?.type ?? 'unknown';
      texts.push({ where: `${path}.targets[${index}]`, text, language });
    });
  }
  for (const variable of dashboard.templating?.list ?? []) {
    if (typeof variable.query === 'string' && variable.type === 'query') {
      texts.push({
        where: `variable ${variable.name}`,
        text: variable.query,
        language: 'grafana-variable',
      });
    }
  }
  const annotations = (dashboard.annotations as { list?: { name: string; expr?: string }[] })?.list;
  for (const annotation of annotations ?? []) {
    if (annotation.expr) {
      texts.push({
        where: `annotation ${annotation.name}`,
        text: annotation.expr,
        language: 'prometheus',
      });
    }
  }
  return texts;
}

/** Every URL a dashboard holds: its links, panel links, data links and field override links. */
export function linkUrls(dashboard: DashboardJson): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  dashboard.links?.forEach(
    (link, i) => link.url && urls.push({ where: `links[${i}]`, url: link.url }),
  );
  for (const { panel, path } of panelsOf(dashboard)) {
    panel.links?.forEach(
      (l, i) => l.url && urls.push({ where: `${path}.links[${i}]`, url: l.url }),
    );
    panel.fieldConfig?.defaults?.links?.forEach(
      (l, i) => l.url && urls.push({ where: `${path}.dataLinks[${i}]`, url: l.url }),
    );
    const overrides = (panel.fieldConfig as { overrides?: OverrideJson[] } | undefined)?.overrides;
    overrides?.forEach((o, i) =>
      o.properties
        .filter((p) => p.id === 'links')
        .flatMap((p) => p.value as { url?: string }[])
        .forEach((l) => l.url && urls.push({ where: `${path}.overrides[${i}]`, url: l.url })),
    );
    if (panel.type === 'text') {
      const content = (panel.options as { content?: string } | undefined)?.content ?? '';
      for (const match of content.matchAll(/\]\(([^)]+)\)/g)) {
        urls.push({ where: `${path}.options.content`, url: match[1]! });
      }
    }
  }
  return urls;
}

interface OverrideJson {
  properties: { id: string; value: unknown }[];
}

/** Panels that show data (not rows, not text). */
export function dataPanels(dashboard: DashboardJson): { panel: PanelJson; path: string }[] {
  return panelsOf(dashboard).filter(({ panel }) => panel.type !== 'row' && panel.type !== 'text');
}

/**
 * Variables a text refers to: `$x`, `${x}`, `${x:format}`, `[[x]]`. Grafana's own (`$__…`,
 * `${__…}`) are left out.
 */
export function variablesIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(variableReference)) {
    const name = variableName(match);
    if (!isBuiltinVariable(name)) names.add(name);
  }
  return [...names].sort();
}

/** Fill variables with values a server accepts, so a query can be parsed or run. */
export function substitute(text: string): string {
  const values: Record<string, string> = {
    __rate_interval: '1m',
    __interval: '1m',
    __auto: '1m',
    __range: '1h',
    env: 'test',
    instance: '.*',
    search: '',
  };
  return text.replace(/\$\{(\w+)(?::[^}]*)?\}|\$(\w+)/g, (_, a, b) => values[a ?? b] ?? '.+');
}

/** Panels outside the 24-column grid, and every pair of panels that overlap. */
export function gridProblems(dashboard: DashboardJson): string[] {
  const problems: string[] = [];
  const placed = panelsOf(dashboard).filter(({ panel }) => panel.gridPos);
  for (const [i, a] of placed.entries()) {
    const g = a.panel.gridPos!;
    if (g.x < 0 || g.x + g.w > 24 || g.w <= 0 || g.h <= 0) {
      problems.push(`${a.path}: outside the grid ${JSON.stringify(g)}`);
    }
    for (const b of placed.slice(i + 1)) {
      const h = b.panel.gridPos!;
      const overlap = g.x < h.x + h.w && h.x < g.x + g.w && g.y < h.y + h.h && h.y < g.y + g.h;
      if (overlap) problems.push(`${a.path} overlaps ${b.path}`);
    }
  }
  return problems;
}
