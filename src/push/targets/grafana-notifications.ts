/**
 * The notification part of the Grafana adapter (contract §3.3): contact points (POST/PUT/DELETE,
 * 202), mute timings (POST 201, PUT 202, DELETE 204) and the policy tree (PUT 202, replaces the
 * whole tree; never deleted). Shapes, marks and secrets are in `grafana-notifications-model.ts`.
 */
import { kinds } from '../../compile/kinds.ts';
import type { Resource } from '../../model/resource.ts';
import { formatSource } from '../../model/source.ts';
import { sameDocument } from '../../plan/normalise.ts';
import { decide, type PlanItem } from '../../plan/plan.ts';
import { PushError } from '../errors.ts';
import { expectStatus } from '../http.ts';
import type { GrafanaApi } from './grafana-rule-groups.ts';
import {
  apiContactPoints,
  apiMuteTiming,
  apiPolicyTree,
  contactPointDocument,
  expand,
  managedPrefix,
  maskLikeLive,
  muteTimingDocument,
  policyTreeDocument,
  policyTreeIsOurs,
  type ApiContactPoint,
  type FileContactPoint,
  type MuteTiming,
  type PolicyRoute,
} from './grafana-notifications-model.ts';
import type { AdapterContext } from './types.ts';

const base = '/api/v1/provisioning';
type Desired = ApiContactPoint | MuteTiming | PolicyRoute;

export function grafanaNotifications(context: AdapterContext, api: GrafanaApi) {
  const { client, get, send } = api;
  const desired = new Map<string, Desired>();

  async function list<T>(path: string, what: string): Promise<T> {
    return JSON.parse(expectStatus(client, await get(path), [200], what).body) as T;
  }

  async function plan(local: Resource[]): Promise<PlanItem[]> {
    const points = local.filter((r) => r.kind === 'contact-point');
    const timings = local.filter((r) => r.kind === 'mute-timing');
    const trees = local.filter((r) => r.kind === 'notification-policy');
    if (trees.length > 1) {
      throw new PushError(
        `grafana: one notification policy tree expected, ${trees.length} defined`,
      );
    }
    const items: PlanItem[] = [];
    if (points.length || context.prune) items.push(...(await planContactPoints(points)));
    if (timings.length || context.prune) items.push(...(await planMuteTimings(timings)));
    if (trees[0]) items.push(await planPolicyTree(trees[0]));
    return items;
  }

  async function planContactPoints(resources: Resource[]): Promise<PlanItem[]> {
    const live = await list<ApiContactPoint[]>(`${base}/contact-points`, 'list contact points');
    const wanted = new Map<string, [ApiContactPoint, Resource]>();
    for (const resource of resources) {
      const body = expand(resource.body as FileContactPoint, context.secret);
      for (const point of apiContactPoints(body)) wanted.set(point.uid, [point, resource]);
    }
    const byUid = new Map(live.map((p) => [p.uid, p]));
    return keyed(wanted, byUid, 'contact-point', (p) => contactPointDocument(p), true);
  }

  async function planMuteTimings(resources: Resource[]): Promise<PlanItem[]> {
    const live = await list<MuteTiming[]>(`${base}/mute-timings`, 'list mute timings');
    const wanted = new Map<string, [MuteTiming, Resource]>();
    for (const resource of resources) {
      const timing = apiMuteTiming(resource.body as MuteTiming);
      wanted.set(timing.name, [timing, resource]);
    }
    const byName = new Map(live.map((t) => [t.name, t]));
    return keyed(wanted, byName, 'mute-timing', (t) => muteTimingDocument(t), false);
  }

  /** Plan items for objects keyed by uid or name, marked by the `obs-` prefix of the key. */
  function keyed<T extends Desired>(
    wanted: Map<string, [T, Resource]>,
    live: Map<string, T>,
    kind: 'contact-point' | 'mute-timing',
    document: (value: T) => unknown,
    masked: boolean,
  ): PlanItem[] {
    const items: PlanItem[] = [];
    for (const key of [...new Set([...wanted.keys(), ...live.keys()])].sort()) {
      const [value, resource] = wanted.get(key) ?? [];
      if (value) desired.set(`${kind}/${key}`, value);
      const liveValue = live.get(key);
      const liveDoc = liveValue ? document(liveValue) : undefined;
      const localDoc = value ? document(value) : undefined;
      const item = decide(
        {
          target: 'grafana',
          kind,
          key,
          order: kinds[kind].order,
          live: liveDoc,
          local: masked && liveDoc ? maskLikeLive(localDoc, liveDoc) : localDoc,
          ...(resource ? { source: formatSource(resource.source) } : {}),
        },
        key.startsWith(managedPrefix),
        context.prune,
        context.adopt,
      );
      if (item) items.push(item);
    }
    return items;
  }

  async function planPolicyTree(resource: Resource): Promise<PlanItem> {
    const live = await list<PolicyRoute>(`${base}/policies`, 'read notification policies');
    const tree = apiPolicyTree(resource.body as PolicyRoute);
    desired.set('policy-tree/policies', tree);
    const item = decide(
      {
        target: 'grafana',
        kind: 'policy-tree',
        key: 'policies',
        order: kinds['notification-policy'].order,
        live: policyTreeDocument(live),
        local: policyTreeDocument(tree),
        source: formatSource(resource.source),
      },
      policyTreeIsOurs(live),
      false,
      context.adopt,
    );
    return item!;
  }

  async function apply(item: PlanItem): Promise<void> {
    const body = desired.get(`${item.kind}/${item.key}`) as object | undefined;
    const key = encodeURIComponent(item.key);
    const what = `${item.action} ${item.kind} ${item.key}`;
    if (item.kind === 'policy-tree') {
      expectStatus(client, await send('PUT', `${base}/policies`, body), [202], what);
      return;
    }
    const path = item.kind === 'contact-point' ? `${base}/contact-points` : `${base}/mute-timings`;
    if (item.action === 'delete') {
      expectStatus(client, await send('DELETE', `${path}/${key}`), [202, 204, 404], what);
    } else if (item.action === 'create') {
      const created = item.kind === 'contact-point' ? [202] : [201];
      expectStatus(client, await send('POST', path, body), created, what);
    } else {
      expectStatus(client, await send('PUT', `${path}/${key}`, body), [202], what);
    }
  }

  /** A problem with an applied object, or undefined when it took. */
  async function verify(item: PlanItem): Promise<string | undefined> {
    let live: unknown;
    if (item.kind === 'policy-tree') {
      live = policyTreeDocument(await list<PolicyRoute>(`${base}/policies`, 'read policies'));
    } else if (item.kind === 'contact-point') {
      const all = await list<ApiContactPoint[]>(`${base}/contact-points`, 'list contact points');
      const found = all.find((p) => p.uid === item.key);
      live = found ? contactPointDocument(found) : undefined;
    } else {
      const all = await list<MuteTiming[]>(`${base}/mute-timings`, 'list mute timings');
      const found = all.find((t) => t.name === item.key);
      live = found ? muteTimingDocument(found) : undefined;
    }
    if (item.action === 'delete')
      return live === undefined ? undefined : 'still present after delete';
    if (live === undefined) return 'not found when read back';
    const local = item.kind === 'contact-point' ? maskLikeLive(item.local, live) : item.local;
    return sameDocument(live, local)
      ? undefined
      : `the ${item.kind} read back differs from what was pushed`;
  }

  return { plan, apply, verify };
}
