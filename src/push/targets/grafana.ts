/**
 * Grafana: folders and dashboards through `/api/folders` and `/api/dashboards` (contract §1,
 * §2). Dashboards are marked by a tag, folders by a uid prefix. Writes carry the version read
 * live and `overwrite: false`, so an edit made between plan and push shows as a 412 (or a 409 on
 * newer Grafana); push then re-reads the version once and writes again, because the repository is
 * the source of truth for what it manages. Grafana-managed alert rule groups are delegated to
 * `grafana-rule-groups.ts`; their folders are planned here with the dashboards' folders.
 */
import type { Resource } from '../../model/resource.ts';
import { formatSource } from '../../model/source.ts';
import { decide, type PlanItem } from '../../plan/plan.ts';
import { expectStatus, type HttpClient } from '../http.ts';
import { mapLimit } from '../limit.ts';
import { managedFolderDescription, managedFolderUidPrefix } from '../ownership.ts';
import {
  dashboardDocument,
  dashboardFolderUid,
  folderDocument,
  folderTitle,
  folderUid,
  isManagedDashboard,
  localDashboard,
  rootFolderTitles,
} from './grafana-model.ts';
import { grafanaNotifications } from './grafana-notifications.ts';
import { grafanaRuleGroups } from './grafana-rule-groups.ts';
import type { Adapter, AdapterContext, ItemFailure } from './types.ts';
import { kinds } from '../../compile/kinds.ts';
import { pushedKinds } from '../config.ts';

interface SearchHit {
  uid: string;
  title: string;
  tags?: string[];
  folderUid?: string;
  type: string;
}

interface LiveDashboard {
  dashboard: Record<string, unknown>;
  meta: { folderUid?: string; provisioned?: boolean; version?: number };
}

interface Desired {
  /** Folders: the full title. Dashboards: the model we send and its folder uid. */
  title?: string;
  model?: Record<string, unknown>;
  folderUid?: string;
  /** Dashboards: the version read by the plan (none when absent), sent with the first save. */
  liveVersion?: number;
  /** The version we expect the server to hold after our write. */
  writtenVersion?: number;
}

const conflict = (status: number) => status === 409 || status === 412;
const pageSize = 1000;

export function grafanaAdapter(context: AdapterContext): Adapter {
  const client = context.client;
  const desired = new Map<string, Desired>();
  const orgHeaders: Record<string, string> = context.environment.grafana.orgId
    ? { 'X-Grafana-Org-Id': String(context.environment.grafana.orgId) }
    : {};
  const get = (path: string) => client.request('GET', path, { headers: orgHeaders });
  const send = (method: string, path: string, body?: object) =>
    client.request(method, path, { headers: orgHeaders, ...(body ? { body } : {}) });
  const ruleGroups = grafanaRuleGroups(context, { client, get, send });
  const notifications = grafanaNotifications(context, { client, get, send });
  const notificationKinds = new Set(['contact-point', 'mute-timing', 'policy-tree']);

  async function plan(local: Resource[]): Promise<PlanItem[]> {
    const dashboards = local.filter((r) => r.kind === 'dashboard');
    const groups = local.filter((r) => r.kind === 'grafana-rule-group-api');
    const hits = await searchAll(client, get);
    const folders = await listFolders(client, get);
    const items: PlanItem[] = [];

    items.push(...planFolders(local, [...dashboards, ...groups], folders, hits));
    items.push(...(await ruleGroups.plan(groups)));
    items.push(...(await notifications.plan(local)));
    const byUid = new Map(hits.filter((h) => h.type === 'dash-db').map((h) => [h.uid, h]));
    const wanted = new Map(dashboards.map((r) => [r.id, r]));
    const uids = [...new Set([...wanted.keys(), ...byUid.keys()])].filter(
      (uid) => wanted.has(uid) || (context.prune && isManagedDashboard(byUid.get(uid)?.tags)),
    );
    const planned = await mapLimit(uids.sort(), context.concurrency, async (uid) =>
      planDashboard(uid, wanted.get(uid), byUid.has(uid)),
    );
    for (const item of planned) if (item) items.push(item);
    return items;
  }

  function planFolders(
    local: Resource[],
    placed: Resource[],
    live: Map<string, string>,
    hits: SearchHit[],
  ): PlanItem[] {
    const titles = new Map<string, Resource>();
    for (const r of [...local.filter((r) => r.kind === 'folder'), ...placed]) {
      const title = r.kind === 'folder' ? r.title : (r.placement.folder ?? '');
      if (rootFolderTitles.has(title.toLowerCase()) || titles.has(title)) continue;
      titles.set(title, r);
    }
    const items: PlanItem[] = [];
    const wantedUids = new Set<string>();
    for (const [title, resource] of titles) {
      const full = folderTitle(context.environment, title);
      const uid = folderUid(full);
      wantedUids.add(uid);
      desired.set(`folder/${uid}`, { title: full });
      const liveTitle = live.get(uid);
      const item = decide(
        {
          target: 'grafana',
          kind: 'folder',
          key: uid,
          order: kinds.folder.order,
          live: liveTitle === undefined ? undefined : folderDocument(liveTitle),
          local: folderDocument(full),
          source: formatSource(resource.source),
        },
        true,
        context.prune,
      );
      if (item) items.push(item);
    }
    for (const [uid, title] of live) {
      if (wantedUids.has(uid) || !uid.startsWith(managedFolderUidPrefix)) continue;
      // Limitation: deleting a folder deletes every dashboard in it, so a managed folder that
      // still holds a dashboard we do not manage is kept.
      const holdsOthers = hits.some((h) => h.folderUid === uid && !isManagedDashboard(h.tags));
      const live = folderDocument(title);
      const base = { target: 'grafana', kind: 'folder', key: uid, order: kinds.folder.order, live };
      const item = decide(base, !holdsOthers, context.prune);
      if (item) items.push(item);
    }
    return items;
  }

  async function planDashboard(
    uid: string,
    resource: Resource | undefined,
    exists: boolean,
  ): Promise<PlanItem | undefined> {
    let live: LiveDashboard | undefined;
    if (exists) {
      const response = await get(`/api/dashboards/uid/${encodeURIComponent(uid)}`);
      if (response.status !== 404) {
        live = JSON.parse(expectStatus(client, response, [200], `read dashboard ${uid}`).body);
      }
    }
    const liveDoc = live ? dashboardDocument(live.dashboard, live.meta.folderUid ?? '') : undefined;
    const base = {
      target: 'grafana',
      kind: 'dashboard',
      key: uid,
      order: kinds.dashboard.order,
      live: liveDoc,
      ...(resource ? { source: formatSource(resource.source) } : {}),
    };
    if (!resource) return decide(base, isManagedDashboard(live?.dashboard.tags), context.prune);

    const model = localDashboard(resource);
    const folder = dashboardFolderUid(context.environment, resource);
    const liveVersion = live?.dashboard.version as number | undefined;
    desired.set(`dashboard/${uid}`, {
      model,
      folderUid: folder,
      ...(liveVersion !== undefined ? { liveVersion } : {}),
    });
    const item = decide(
      { ...base, local: dashboardDocument(model, folder) },
      isManagedDashboard(live?.dashboard.tags),
      context.prune,
      context.adopt,
    );
    if (item?.action === 'update' && live?.meta.provisioned) {
      return { ...item, action: 'blocked', reason: 'the dashboard is file-provisioned in Grafana' };
    }
    return item;
  }

  async function apply(item: PlanItem): Promise<void> {
    const want = desired.get(`${item.kind}/${item.key}`);
    if (item.kind === 'rule-group') return ruleGroups.apply(item);
    if (notificationKinds.has(item.kind)) return notifications.apply(item);
    if (item.kind === 'folder') {
      if (item.action === 'delete') return deleteFolder(item.key);
      return item.action === 'create'
        ? createFolder(item.key, want!.title!)
        : updateFolder(item.key, want!.title!);
    }
    if (item.action === 'delete') return deleteDashboard(item.key);
    return saveDashboard(item.key, want!);
  }

  async function createFolder(uid: string, title: string): Promise<void> {
    const body = { uid, title, description: managedFolderDescription };
    const response = await send('POST', '/api/folders', body);
    if (conflict(response.status)) return updateFolder(uid, title); // created meanwhile
    expectStatus(client, response, [200], `create folder ${uid}`);
  }

  async function updateFolder(uid: string, title: string, attempt = 0): Promise<void> {
    const current = await get(`/api/folders/${encodeURIComponent(uid)}`);
    const version = (
      JSON.parse(expectStatus(client, current, [200], `read folder ${uid}`).body) as {
        version?: number;
      }
    ).version;
    const body = { title, description: managedFolderDescription, version, overwrite: false };
    const response = await send('PUT', `/api/folders/${encodeURIComponent(uid)}`, body);
    if (conflict(response.status) && attempt === 0) return updateFolder(uid, title, 1);
    expectStatus(client, response, [200], `update folder ${uid}`);
  }

  async function deleteFolder(uid: string): Promise<void> {
    const response = await send('DELETE', `/api/folders/${encodeURIComponent(uid)}`);
    expectStatus(client, response, [200, 404], `delete folder ${uid}`);
  }

  /**
   * Save with the version the plan read; on a conflict (someone saved since), read the current
   * version and save once more.
   */
  async function saveDashboard(uid: string, want: Desired, attempt = 0): Promise<void> {
    const version = attempt === 0 ? want.liveVersion : await currentVersion(uid);
    const body = {
      dashboard: { ...want.model, id: null, ...(version !== undefined ? { version } : {}) },
      folderUid: want.folderUid,
      message: 'obs push',
      overwrite: false,
    };
    const response = await send('POST', '/api/dashboards/db', body);
    if (conflict(response.status) && attempt === 0) return saveDashboard(uid, want, 1);
    const saved = JSON.parse(expectStatus(client, response, [200], `save dashboard ${uid}`).body);
    want.writtenVersion = (saved as { version?: number }).version;
  }

  async function currentVersion(uid: string): Promise<number | undefined> {
    const current = await get(`/api/dashboards/uid/${encodeURIComponent(uid)}`);
    if (current.status === 404) return undefined;
    const body = expectStatus(client, current, [200], `read dashboard ${uid}`).body;
    return (JSON.parse(body) as LiveDashboard).dashboard.version as number | undefined;
  }

  async function deleteDashboard(uid: string): Promise<void> {
    const response = await send('DELETE', `/api/dashboards/uid/${encodeURIComponent(uid)}`);
    expectStatus(client, response, [200, 404], `delete dashboard ${uid}`);
  }

  async function verify(applied: PlanItem[]): Promise<ItemFailure[]> {
    const failures = await mapLimit(applied, context.concurrency, async (item) => {
      const problem = await verifyItem(item);
      return problem ? { item, error: problem } : undefined;
    });
    return failures.filter((f): f is ItemFailure => f !== undefined);
  }

  async function verifyItem(item: PlanItem): Promise<string | undefined> {
    if (item.kind === 'rule-group') return ruleGroups.verify(item);
    if (notificationKinds.has(item.kind)) return notifications.verify(item);
    const path =
      item.kind === 'folder'
        ? `/api/folders/${encodeURIComponent(item.key)}`
        : `/api/dashboards/uid/${encodeURIComponent(item.key)}`;
    const response = await get(path);
    if (item.action === 'delete') {
      return response.status === 404
        ? undefined
        : `still present after delete (${response.status})`;
    }
    if (response.status !== 200) return `read back gave ${response.status}`;
    const body = JSON.parse(response.body);
    if (item.kind === 'folder') {
      const title = (body as { title: string }).title;
      return title === desired.get(`folder/${item.key}`)?.title
        ? undefined
        : `title is \`${title}\``;
    }
    const live = body as LiveDashboard;
    const want = desired.get(`dashboard/${item.key}`)!;
    const version = live.dashboard.version as number | undefined;
    if (want.writtenVersion !== undefined && version !== want.writtenVersion) {
      return `version ${version} read back, ${want.writtenVersion} written: changed by someone else`;
    }
    const doc = dashboardDocument(live.dashboard, live.meta.folderUid ?? '');
    return JSON.stringify(doc) === JSON.stringify(item.local)
      ? undefined
      : 'the dashboard read back differs from what was pushed';
  }

  return { target: 'grafana', kinds: pushedKinds.grafana, plan, apply, verify };
}

/** Every dashboard and folder hit, page by page. */
async function searchAll(
  client: HttpClient,
  get: (path: string) => ReturnType<HttpClient['request']>,
): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (let page = 1; ; page++) {
    const response = await get(`/api/search?type=dash-db&limit=${pageSize}&page=${page}`);
    const batch = JSON.parse(expectStatus(client, response, [200], 'search dashboards').body);
    hits.push(...(batch as SearchHit[]));
    if ((batch as SearchHit[]).length < pageSize) return hits;
  }
}

/** Root folders by uid → title, page by page. */
async function listFolders(
  client: HttpClient,
  get: (path: string) => ReturnType<HttpClient['request']>,
): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (let page = 1; ; page++) {
    const response = await get(`/api/folders?limit=${pageSize}&page=${page}`);
    const batch = JSON.parse(expectStatus(client, response, [200], 'list folders').body) as {
      uid: string;
      title: string;
    }[];
    for (const folder of batch) folders.set(folder.uid, folder.title);
    if (batch.length < pageSize) return folders;
  }
}
