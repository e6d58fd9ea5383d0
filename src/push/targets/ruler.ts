/**
 * The Mimir (Cortex-compatible) and Loki ruler APIs (contract §5): YAML in and out, one group per
 * POST (an upsert, 202), DELETE per group, the tenant in `X-Scope-OrgID`, and 404 "no rule groups
 * found" for an empty list. What we own is marked by a namespace prefix: local namespace `x`
 * becomes `<prefix>x` on the server, and only namespaces with the prefix are read or pruned.
 */
import YAML from 'yaml';
import type { RuleGroupBody } from '../../builders/rules.ts';
import { kinds } from '../../compile/kinds.ts';
import type { Resource, ResourceKind } from '../../model/resource.ts';
import { formatSource } from '../../model/source.ts';
import { decide, type PlanItem } from '../../plan/plan.ts';
import { toYaml } from '../../emit/serialize.ts';
import { expectStatus } from '../http.ts';
import { mapLimit } from '../limit.ts';
import { defaultNamespacePrefix } from '../ownership.ts';
import { ruleGroupDocument } from './rules-model.ts';
import type { Adapter, AdapterContext, ItemFailure } from './types.ts';

export interface RulerSettings {
  /** `prometheus` (Mimir ruler) or `loki`. */
  target: 'prometheus' | 'loki';
  kind: ResourceKind;
  /** Config API base: `/prometheus/config/v1/rules` (Mimir) or `/loki/api/v1/rules` (Loki). */
  basePath: string;
  tenant: string;
  prefix?: string;
}

type NamespaceMap = Record<string, RuleGroupBody[]>;

export function rulerAdapter(context: AdapterContext, settings: RulerSettings): Adapter {
  const client = context.client;
  const prefix = settings.prefix ?? defaultNamespacePrefix;
  const headers = { 'X-Scope-OrgID': settings.tenant };
  const groups = new Map<string, RuleGroupBody>();
  const path = (namespace: string, group?: string) =>
    `${settings.basePath}/${encodeURIComponent(namespace)}` +
    (group === undefined ? '' : `/${encodeURIComponent(group)}`);

  async function plan(local: Resource[]): Promise<PlanItem[]> {
    const live = await readAll();
    const wanted = new Map<string, Resource>();
    for (const resource of local) {
      const body = resource.body as RuleGroupBody;
      const key = `${prefix}${resource.placement.namespace ?? 'default'}/${body.name}`;
      wanted.set(key, resource);
      groups.set(key, body);
    }
    const liveGroups = new Map<string, RuleGroupBody>();
    for (const [namespace, list] of Object.entries(live)) {
      if (!namespace.startsWith(prefix)) continue;
      for (const group of list) liveGroups.set(`${namespace}/${group.name}`, group);
    }

    const items: PlanItem[] = [];
    for (const key of [...new Set([...wanted.keys(), ...liveGroups.keys()])].sort()) {
      const resource = wanted.get(key);
      const liveGroup = liveGroups.get(key);
      const item = decide(
        {
          target: settings.target,
          kind: 'rule-group',
          key,
          order: kinds[settings.kind].order,
          live: liveGroup ? ruleGroupDocument(liveGroup) : undefined,
          local: resource ? ruleGroupDocument(resource.body) : undefined,
          ...(resource ? { source: formatSource(resource.source) } : {}),
        },
        true,
        context.prune,
      );
      if (item) items.push(item);
    }
    return items;
  }

  async function readAll(): Promise<NamespaceMap> {
    const response = await client.request('GET', settings.basePath, { headers });
    if (response.status === 404 && /no rule groups found/i.test(response.body)) return {};
    const body = expectStatus(client, response, [200], 'list rule groups').body;
    return (YAML.parse(body) as NamespaceMap | null) ?? {};
  }

  async function apply(item: PlanItem): Promise<void> {
    const [namespace, group] = split(item.key);
    if (item.action === 'delete') {
      const response = await client.request('DELETE', path(namespace, group), { headers });
      expectStatus(client, response, [202, 404], `delete rule group ${item.key}`);
      return;
    }
    const response = await client.request('POST', path(namespace), {
      headers,
      body: toYaml(groups.get(item.key)),
      contentType: 'application/yaml',
    });
    expectStatus(client, response, [202], `write rule group ${item.key}`);
  }

  async function verify(applied: PlanItem[]): Promise<ItemFailure[]> {
    const results = await mapLimit(applied, context.concurrency, async (item) => {
      const [namespace, group] = split(item.key);
      const response = await client.request('GET', path(namespace, group), { headers });
      if (item.action === 'delete') {
        return response.status === 404 ? undefined : { item, error: 'still present after delete' };
      }
      if (response.status !== 200) return { item, error: `read back gave ${response.status}` };
      const doc = ruleGroupDocument(YAML.parse(response.body));
      return JSON.stringify(doc) === JSON.stringify(item.local)
        ? undefined
        : { item, error: 'the group read back differs from what was pushed' };
    });
    return results.filter((r): r is ItemFailure => r !== undefined);
  }

  return { target: settings.target, kinds: [settings.kind], plan, apply, verify };
}

/** `namespace/group` → both parts; the group name may itself hold a slash. */
function split(key: string): [string, string] {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}
