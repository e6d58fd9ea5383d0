/**
 * The rule-group part of the Grafana adapter: plan, apply and read back Grafana-managed alert
 * rule groups through the provisioning API (documents and paths in `grafana-rules.ts`).
 */
import { kinds } from '../../compile/kinds.ts';
import type { Resource } from '../../model/resource.ts';
import { formatSource } from '../../model/source.ts';
import { decide, type PlanItem } from '../../plan/plan.ts';
import { expectStatus, type HttpClient, type HttpResponse } from '../http.ts';
import { mapLimit } from '../limit.ts';
import { dashboardFolderUid } from './grafana-model.ts';
import {
  isManagedRule,
  localRuleGroup,
  ruleGroupDocument,
  ruleGroupPath,
  type ApiRuleGroup,
} from './grafana-rules.ts';
import type { AdapterContext } from './types.ts';

/** The requests the Grafana adapter makes, with its org header already applied. */
export interface GrafanaApi {
  client: HttpClient;
  get(path: string): Promise<HttpResponse>;
  send(method: string, path: string, body?: object): Promise<HttpResponse>;
}

export function grafanaRuleGroups(context: AdapterContext, api: GrafanaApi) {
  const { client, get, send } = api;
  const desired = new Map<string, ApiRuleGroup>();

  async function planRuleGroups(groups: Resource[]): Promise<PlanItem[]> {
    const response = await get('/api/v1/provisioning/alert-rules');
    const rules = JSON.parse(
      expectStatus(client, response, [200], 'list alert rules').body,
    ) as Record<string, unknown>[];
    const liveKeys = new Map<string, boolean>();
    for (const rule of rules) {
      const key = `${String(rule.folderUID)}/${String(rule.ruleGroup)}`;
      liveKeys.set(key, (liveKeys.get(key) ?? false) || isManagedRule(rule));
    }
    const wanted = new Map<string, Resource>();
    for (const resource of groups) {
      const group = localRuleGroup(resource, dashboardFolderUid(context.environment, resource));
      const key = `${group.folderUid}/${group.title}`;
      wanted.set(key, resource);
      desired.set(key, group);
    }
    const keys = [...new Set([...wanted.keys(), ...liveKeys.keys()])].filter(
      (key) => wanted.has(key) || (context.prune && liveKeys.get(key)),
    );
    const planned = await mapLimit(keys.sort(), context.concurrency, async (key) => {
      const resource = wanted.get(key);
      const live = liveKeys.has(key) ? await readRuleGroup(key) : undefined;
      const group = desired.get(key);
      return decide(
        {
          target: 'grafana',
          kind: 'rule-group',
          key,
          order: kinds['grafana-rule-group-api'].order,
          live: live ? ruleGroupDocument(live) : undefined,
          local: group ? ruleGroupDocument(group) : undefined,
          ...(resource ? { source: formatSource(resource.source) } : {}),
        },
        liveKeys.get(key) ?? false,
        context.prune,
        context.adopt,
      );
    });
    return planned.filter((item): item is PlanItem => item !== undefined);
  }

  async function readRuleGroup(key: string): Promise<ApiRuleGroup | undefined> {
    const [folder, group] = splitKey(key);
    const response = await get(ruleGroupPath(folder, group));
    if (response.status === 404) return undefined;
    return JSON.parse(expectStatus(client, response, [200], `read rule group ${key}`).body);
  }

  async function apply(item: PlanItem): Promise<void> {
    const [folder, group] = splitKey(item.key);
    const path = ruleGroupPath(folder, group);
    const response =
      item.action === 'delete'
        ? await send('DELETE', path)
        : await send('PUT', path, desired.get(item.key));
    const accepted = item.action === 'delete' ? [204, 404] : [200];
    expectStatus(client, response, accepted, `${item.action} rule group ${item.key}`);
  }

  /** A problem with an applied group, or undefined when it took. */
  async function verify(item: PlanItem): Promise<string | undefined> {
    const live = await readRuleGroup(item.key);
    if (item.action === 'delete') return live ? 'still present after delete' : undefined;
    if (!live) return 'read back gave 404';
    const same = JSON.stringify(ruleGroupDocument(live)) === JSON.stringify(item.local);
    return same ? undefined : 'the rule group read back differs from what was pushed';
  }

  return { plan: planRuleGroups, apply, verify };
}

/** `folderUid/group` → both parts; folder uids hold no slash. */
function splitKey(key: string): [string, string] {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}
