/**
 * Walk the panels and queries of a dashboard JSON model with their JSON paths, rows and
 * collapsed rows included, so checks do not each re-implement the nesting.
 */

export interface PanelJson {
  id?: number;
  type?: string;
  title?: string;
  datasource?: { type?: string; uid?: string } | null;
  targets?: TargetJson[];
  panels?: PanelJson[];
  gridPos?: { x: number; y: number; w: number; h: number };
  fieldConfig?: { defaults?: { unit?: string; links?: { url?: string }[] } };
  links?: { url?: string }[];
  description?: string;
  [key: string]: unknown;
}

export interface TargetJson {
  refId?: string;
  expr?: string;
  query?: string;
  datasource?: { type?: string; uid?: string } | null;
  [key: string]: unknown;
}

export interface DashboardJson {
  uid?: string;
  title?: string;
  panels?: PanelJson[];
  templating?: { list?: { name: string; type?: string; query?: unknown; datasource?: unknown }[] };
  links?: { type?: string; url?: string; tags?: string[] }[];
  [key: string]: unknown;
}

export interface PanelVisit {
  panel: PanelJson;
  path: string;
}

/** Every panel, rows first then their children, with `panels[i]` / `panels[i].panels[j]` paths. */
export function panelsOf(dashboard: DashboardJson): PanelVisit[] {
  const visits: PanelVisit[] = [];
  const walk = (panels: PanelJson[] | undefined, prefix: string) => {
    panels?.forEach((panel, index) => {
      const path = `${prefix}panels[${index}]`;
      visits.push({ panel, path });
      walk(panel.panels, `${path}.`);
    });
  };
  walk(dashboard.panels, '');
  return visits;
}

export interface QueryVisit extends PanelVisit {
  target: TargetJson;
  /** Path of the expression, e.g. `panels[2].targets[0].expr`. */
  exprPath: string;
  expr: string;
  /** The datasource type the query runs on: the target's, else the panel's. */
  datasourceType: string | undefined;
}

/** Every query expression (PromQL `expr`, LogQL `expr`, TraceQL `query`) of a dashboard. */
export function queriesOf(dashboard: DashboardJson): QueryVisit[] {
  const visits: QueryVisit[] = [];
  for (const { panel, path } of panelsOf(dashboard)) {
    panel.targets?.forEach((target, index) => {
      const field = typeof target.expr === 'string' ? 'expr' : 'query';
      const expr = target[field];
      if (typeof expr !== 'string') return;
      visits.push({
        panel,
        path,
        target,
        exprPath: `${path}.targets[${index}].${field}`,
        expr,
        datasourceType: target.datasource?.type ?? panel.datasource?.type ?? undefined,
      });
    });
  }
  return visits;
}
