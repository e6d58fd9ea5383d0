/**
 * Every PromQL and LogQL expression of the build, each parsed once, with the resource and JSON
 * path it lives at and a name for messages (`panel \`Latency\` query B`). Checks share one
 * collection per build.
 */
import type { Resource } from '../../model/resource.ts';
import type { RuleGroupBody } from '../../builders/rules.ts';
import { datasourceUids } from '../../conventions/datasources.ts';
import { queriesOf, type DashboardJson, type PanelJson } from '../dashboard-walk.ts';
import { parseLogql, parsePromql, saveParseCache, type Language, type Parsed } from './parse.ts';
import type { LogqlFacts } from './logql-facts.ts';
import type { PromqlFacts } from './promql-facts.ts';
import { sliceMap } from './text-map.ts';
import { embeddedQuery } from './variable-query.ts';

interface QueryBase {
  resource: Resource;
  /** JSON path of the expression inside the resource body. */
  path: string;
  /** The expression as written. */
  expr: string;
  /** Who the query belongs to, for messages. */
  owner: string;
  /** Where it is used; dashboard-only rules look at `panel`. */
  context: 'panel' | 'variable' | 'annotation' | 'rule' | 'grafana-rule';
  panel?: PanelJson;
}

export type QueryRef =
  | (QueryBase & { language: 'promql'; parsed: Parsed<PromqlFacts> })
  | (QueryBase & { language: 'logql'; parsed: Parsed<LogqlFacts> });

const collected = new WeakMap<Resource[], QueryRef[]>();

/** The queries of `resources`, collected once per resource list. */
export function collectQueries(resources: Resource[]): QueryRef[] {
  let queries = collected.get(resources);
  if (!queries) {
    queries = resources.flatMap((resource) => queriesOfResource(resource, resources));
    collected.set(resources, queries);
    saveParseCache();
  }
  return queries;
}

function queriesOfResource(resource: Resource, all: Resource[]): QueryRef[] {
  switch (resource.kind) {
    case 'dashboard':
      return dashboardQueries(resource);
    case 'prometheus-rule-group':
      return ruleQueries(resource, 'promql');
    case 'loki-rule-group':
      return ruleQueries(resource, 'logql');
    case 'grafana-rule-group':
      return grafanaRuleQueries(resource, datasourceTypes(all));
    default:
      return [];
  }
}

function make(base: QueryBase, language: Language, offset = 0, text = base.expr): QueryRef {
  const map = offset ? sliceMap(offset) : undefined;
  return language === 'promql'
    ? { ...base, language, parsed: parsePromql(text, map) }
    : { ...base, language, parsed: parseLogql(text, map) };
}

function languageOf(type: string | undefined): Language | undefined {
  return type === 'prometheus' ? 'promql' : type === 'loki' ? 'logql' : undefined;
}

function dashboardQueries(resource: Resource): QueryRef[] {
  const body = resource.body as DashboardJson;
  const refs: QueryRef[] = [];

  for (const visit of queriesOf(body)) {
    const language = languageOf(visit.datasourceType);
    if (!language || !visit.expr.trim()) continue;
    const owner = `panel \`${visit.panel.title ?? '(untitled)'}\` query ${visit.target.refId ?? '?'}`;
    refs.push(
      make(
        {
          resource,
          path: visit.exprPath,
          expr: visit.expr,
          owner,
          context: 'panel',
          panel: visit.panel,
        },
        language,
      ),
    );
  }

  body.templating?.list?.forEach((variable, index) => {
    const language = languageOf(datasourceType(variable.datasource));
    const field = typeof variable.query === 'string' ? 'query' : 'query.query';
    const query =
      typeof variable.query === 'string'
        ? variable.query
        : (variable.query as { query?: unknown })?.query;
    if (!language || typeof query !== 'string') return;
    const embedded = embeddedQuery(query);
    if (!embedded) return;
    const owner = `variable \`${variable.name}\``;
    const path = `templating.list[${index}].${field}`;
    refs.push(
      make(
        { resource, path, expr: query, owner, context: 'variable' },
        language,
        embedded.start,
        embedded.expr,
      ),
    );
  });

  const annotations = (body.annotations as { list?: Record<string, unknown>[] } | undefined)?.list;
  annotations?.forEach((annotation, index) => {
    const language = languageOf(datasourceType(annotation.datasource));
    if (!language || typeof annotation.expr !== 'string') return;
    const owner = `annotation \`${String(annotation.name ?? index)}\``;
    refs.push(
      make(
        {
          resource,
          path: `annotations.list[${index}].expr`,
          expr: annotation.expr,
          owner,
          context: 'annotation',
        },
        language,
      ),
    );
  });
  return refs;
}

function datasourceType(datasource: unknown): string | undefined {
  return typeof datasource === 'object' && datasource !== null
    ? (datasource as { type?: string }).type
    : undefined;
}

function ruleQueries(resource: Resource, language: Language): QueryRef[] {
  const body = resource.body as RuleGroupBody;
  return (body.rules ?? []).flatMap((rule, index) => {
    if (typeof rule.expr !== 'string') return [];
    const owner = rule.alert ? `alert \`${rule.alert}\`` : `recording rule \`${rule.record}\``;
    return [
      make(
        { resource, path: `rules[${index}].expr`, expr: rule.expr, owner, context: 'rule' },
        language,
      ),
    ];
  });
}

/** Datasource uid → type, from datasource resources and the conventions' fixed uids. */
function datasourceTypes(resources: Resource[]): Map<string, string> {
  const types = new Map<string, string>([
    [datasourceUids.prometheus, 'prometheus'],
    [datasourceUids.loki, 'loki'],
  ]);
  for (const r of resources.filter((r) => r.kind === 'datasource')) {
    const body = r.body as { uid?: string; type?: string };
    if (body.uid && body.type) types.set(body.uid, body.type);
  }
  return types;
}

/** Grafana-managed rules keep queries as `{ datasourceUid, model: { expr } }` in `data`. */
function grafanaRuleQueries(resource: Resource, types: Map<string, string>): QueryRef[] {
  const refs: QueryRef[] = [];
  const walk = (value: unknown, path: string, title: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, title));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const name = typeof record.title === 'string' ? record.title : title;
    const model = record.model as { expr?: unknown } | undefined;
    const language = languageOf(types.get(String(record.datasourceUid)));
    if (language && typeof model?.expr === 'string') {
      const base = { resource, path: `${path ? `${path}.` : ''}model.expr`, expr: model.expr };
      refs.push(
        make({ ...base, owner: `Grafana rule \`${name}\``, context: 'grafana-rule' }, language),
      );
      return;
    }
    for (const [key, child] of Object.entries(record))
      walk(child, path ? `${path}.${key}` : key, name);
  };
  walk(resource.body, '', resource.title);
  return refs;
}
