/**
 * Emulator of the Grafana HTTP API for folders, dashboards and search (contract §0–§2):
 * 200 (never 201) on dashboard saves, 412 `version-mismatch` when `dashboard.version` differs from
 * the stored version without `overwrite` (409 in the `k8s-shim` flavour of Grafana main), the
 * version bumped on every save even for identical content, a missing `folderUid` moving the
 * dashboard to the root, 400 for file-provisioned dashboards, no `name-exists` (11.3+), folder
 * create conflicts as 409, folder updates 412 on a stale version, search as a bare array.
 */
import { Emulator, segments, type RecordedRequest, type Reply } from './core.ts';
import { AlertingStore } from './grafana-alerting.ts';

export interface StoredDashboard {
  id: number;
  model: Record<string, unknown>;
  version: number;
  folderUid: string;
  provisioned: boolean;
}

export interface StoredFolder {
  id: number;
  uid: string;
  title: string;
  description: string;
  version: number;
}

export interface GrafanaEmulatorOptions {
  /** Required bearer token; requests without it get 401. */
  token?: string;
  /** `classic` (up to 13.0: 412 on a version conflict) or `k8s-shim` (main: 409). */
  flavour?: 'classic' | 'k8s-shim';
}

const uidPattern = /^[a-zA-Z0-9\-_]*$/;
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export class GrafanaEmulator extends Emulator {
  readonly dashboards = new Map<string, StoredDashboard>();
  readonly folders = new Map<string, StoredFolder>();
  /** Dashboards whose saves are answered 200 but not stored: a write that does not take. */
  readonly losesSavesOf = new Set<string>();
  /** Grafana-managed alert rules (provisioning API). */
  readonly alerting = new AlertingStore((uid) => this.folders.has(uid));
  private nextId = 1;

  constructor(private readonly options: GrafanaEmulatorOptions = {}) {
    super();
  }

  /** Put a dashboard in place directly, as if someone else had made it. */
  seedDashboard(model: Record<string, unknown>, folderUid = '', provisioned = false): void {
    const uid = String(model.uid);
    this.dashboards.set(uid, { id: this.nextId++, model, version: 1, folderUid, provisioned });
  }

  /** Put a folder in place directly. */
  seedFolder(uid: string, title: string): void {
    this.folders.set(uid, { id: this.nextId++, uid, title, description: '', version: 1 });
  }

  protected route(request: RecordedRequest): Reply {
    const parts = segments(request);
    if (request.path === '/api/health') {
      return { status: 200, body: { database: 'ok', version: '11.6.0', commit: 'emulator' } };
    }
    if (this.options.token && request.headers.authorization !== `Bearer ${this.options.token}`) {
      return {
        status: 401,
        body: { message: 'invalid API key', messageId: 'api-key.invalid', statusCode: 401 },
      };
    }
    const { method } = request;
    const alerting = this.alerting.route(request);
    if (alerting) return alerting;
    if (request.path === '/api/search' && method === 'GET') return this.search(request);
    if (request.path === '/api/folders' && method === 'GET') return this.listFolders(request);
    if (request.path === '/api/folders' && method === 'POST') return this.createFolder(request);
    if (parts[0] === 'api' && parts[1] === 'folders' && parts.length === 3) {
      if (method === 'GET') return this.getFolder(parts[2]!);
      if (method === 'PUT') return this.updateFolder(parts[2]!, request);
      if (method === 'DELETE') return this.deleteFolder(parts[2]!, request);
    }
    if (request.path === '/api/dashboards/db' && method === 'POST') return this.save(request);
    if (parts.slice(0, 3).join('/') === 'api/dashboards/uid' && parts.length === 4) {
      if (method === 'GET') return this.getDashboard(parts[3]!);
      if (method === 'DELETE') return this.deleteDashboard(parts[3]!);
    }
    return { status: 404, body: { message: 'Not found' } };
  }

  private search(request: RecordedRequest): Reply {
    const limit = Number(request.query.get('limit') ?? 1000);
    if (limit > 5000)
      return { status: 422, body: { message: 'Limit is above maximum allowed (5000)' } };
    const page = Number(request.query.get('page') ?? 1);
    const type = request.query.get('type');
    const tags = request.query.getAll('tag');
    const folderHits = [...this.folders.values()].map((f) => ({
      id: f.id,
      uid: f.uid,
      orgId: 1,
      title: f.title,
      url: `/dashboards/f/${f.uid}/${slugOf(f.title)}`,
      type: 'dash-folder',
      tags: [] as string[],
      isStarred: false,
    }));
    const dashboardHits = [...this.dashboards.entries()].map(([uid, d]) => {
      const folder = this.folders.get(d.folderUid);
      return {
        id: d.id,
        uid,
        orgId: 1,
        title: String(d.model.title),
        url: `/d/${uid}/${slugOf(String(d.model.title))}`,
        type: 'dash-db',
        tags: (d.model.tags as string[] | undefined) ?? [],
        isStarred: false,
        ...(folder
          ? { folderId: folder.id, folderUid: folder.uid, folderTitle: folder.title }
          : {}),
      };
    });
    const byTitle = (a: { title: string }, b: { title: string }) =>
      a.title.toLowerCase() < b.title.toLowerCase() ? -1 : 1;
    let hits = [
      ...(type === 'dash-db' ? [] : folderHits.sort(byTitle)),
      ...(type === 'dash-folder' ? [] : dashboardHits.sort(byTitle)),
    ];
    if (tags.length) hits = hits.filter((h) => tags.every((t) => h.tags.includes(t)));
    return { status: 200, body: hits.slice((page - 1) * limit, page * limit) };
  }

  private folderDto(folder: StoredFolder) {
    return {
      id: folder.id,
      uid: folder.uid,
      orgId: 1,
      title: folder.title,
      url: `/dashboards/f/${folder.uid}/${slugOf(folder.title)}`,
      hasAcl: false,
      canSave: true,
      canEdit: true,
      canAdmin: true,
      canDelete: true,
      createdBy: 'admin',
      created: '2026-01-01T00:00:00Z',
      updatedBy: 'admin',
      updated: '2026-01-01T00:00:00Z',
      version: folder.version,
    };
  }

  private listFolders(request: RecordedRequest): Reply {
    const limit = Number(request.query.get('limit') ?? 1000);
    const page = Number(request.query.get('page') ?? 1);
    const all = [...this.folders.values()].map((f) => ({ id: f.id, uid: f.uid, title: f.title }));
    return { status: 200, body: all.slice((page - 1) * limit, page * limit) };
  }

  private createFolder(request: RecordedRequest): Reply {
    const body = JSON.parse(request.body || '{}') as Partial<StoredFolder>;
    if (!body.title) return { status: 400, body: { message: 'folder title cannot be empty' } };
    const uid = body.uid ?? `f${this.nextId}`;
    if (!uidPattern.test(uid) || uid.length > 40) {
      return { status: 400, body: { message: 'uid contains illegal characters' } };
    }
    if (this.folders.has(uid) || this.dashboards.has(uid)) {
      return {
        status: 409,
        body: { message: 'a folder/dashboard with the same uid already exists' },
      };
    }
    const folder = {
      id: this.nextId++,
      uid,
      title: body.title,
      description: body.description ?? '',
      version: 1,
    };
    this.folders.set(uid, folder);
    return { status: 200, body: this.folderDto(folder) };
  }

  private getFolder(uid: string): Reply {
    const folder = this.folders.get(uid);
    if (!folder) return { status: 404, body: { status: 'not-found', message: 'folder not found' } };
    return { status: 200, body: this.folderDto(folder) };
  }

  private updateFolder(uid: string, request: RecordedRequest): Reply {
    const folder = this.folders.get(uid);
    if (!folder) return { status: 404, body: { status: 'not-found', message: 'folder not found' } };
    const body = JSON.parse(request.body || '{}') as Partial<StoredFolder> & {
      overwrite?: boolean;
    };
    if (!body.overwrite && body.version !== folder.version) {
      return {
        status: 412,
        body: {
          status: 'version-mismatch',
          message: 'the folder has been changed by someone else',
        },
      };
    }
    if (body.title !== undefined) folder.title = body.title;
    if (body.description !== undefined) folder.description = body.description;
    folder.version += 1;
    return { status: 200, body: this.folderDto(folder) };
  }

  private deleteFolder(uid: string, request: RecordedRequest): Reply {
    const folder = this.folders.get(uid);
    if (!folder) return { status: 404, body: { status: 'not-found', message: 'folder not found' } };
    const hasRules = [...this.alerting.rules.values()].some((r) => r.folderUID === uid);
    if (hasRules && request.query.get('forceDeleteRules') !== 'true') {
      return { status: 400, body: { message: 'folder contains alert rules' } };
    }
    for (const [key, dashboard] of this.dashboards) {
      if (dashboard.folderUid === uid) this.dashboards.delete(key);
    }
    this.folders.delete(uid);
    return {
      status: 200,
      body: { message: 'Folder deleted', id: folder.id, title: folder.title, uid },
    };
  }

  private save(request: RecordedRequest): Reply {
    const body = JSON.parse(request.body || '{}') as {
      dashboard?: Record<string, unknown>;
      folderUid?: string;
      message?: string;
      overwrite?: boolean;
      isFolder?: boolean;
    };
    const model = body.dashboard ?? {};
    if (body.isFolder)
      return { status: 400, body: { message: 'Use folders endpoint for saving folders.' } };
    if (!model.title) {
      return {
        status: 400,
        body: { status: 'empty-name', message: 'Dashboard title cannot be empty' },
      };
    }
    if ((body.message ?? '').length > 500) {
      return { status: 400, body: { message: 'message too long, max 500 characters' } };
    }
    const uid = typeof model.uid === 'string' && model.uid ? model.uid : `gen${this.nextId}`;
    if (!uidPattern.test(uid))
      return { status: 400, body: { message: 'uid contains illegal characters' } };
    if (uid.length > 40)
      return { status: 400, body: { message: 'uid too long, max 40 characters' } };
    const folderUid = body.folderUid ?? '';
    if (folderUid && !this.folders.has(folderUid)) {
      return { status: 400, body: { message: 'folder not found' } };
    }

    const existing = this.dashboards.get(uid);
    if (existing) {
      if (existing.provisioned)
        return { status: 400, body: { message: 'Cannot save provisioned dashboard' } };
      const sent = typeof model.version === 'number' ? model.version : 0;
      if (!body.overwrite && sent !== existing.version) return this.conflict();
    }
    const version = existing ? existing.version + 1 : 1;
    const id = existing?.id ?? this.nextId++;
    const stored = { ...model, id, uid, version };
    if (!this.losesSavesOf.has(uid))
      this.dashboards.set(uid, { id, model: stored, version, folderUid, provisioned: false });
    const slug = slugOf(String(model.title));
    return {
      status: 200,
      body: { id, uid, url: `/d/${uid}/${slug}`, status: 'success', version, slug, folderUid },
    };
  }

  private conflict(): Reply {
    if (this.options.flavour === 'k8s-shim') {
      return {
        status: 409,
        body: { message: 'Dashboard already exists. Use overwrite flag to update.' },
      };
    }
    return {
      status: 412,
      body: {
        status: 'version-mismatch',
        message: 'The dashboard has been changed by someone else',
      },
    };
  }

  private getDashboard(uid: string): Reply {
    const stored = this.dashboards.get(uid);
    if (!stored) return { status: 404, body: { message: 'Dashboard not found' } };
    const folder = this.folders.get(stored.folderUid);
    const slug = slugOf(String(stored.model.title));
    return {
      status: 200,
      body: {
        dashboard: { ...stored.model, id: stored.id, uid, version: stored.version },
        meta: {
          type: 'db',
          canSave: true,
          canEdit: true,
          canAdmin: true,
          canStar: true,
          canDelete: true,
          slug,
          url: `/d/${uid}/${slug}`,
          expires: '0001-01-01T00:00:00Z',
          created: '2026-01-01T00:00:00Z',
          updated: '2026-01-01T00:00:00Z',
          updatedBy: 'admin',
          createdBy: 'admin',
          version: stored.version,
          hasAcl: false,
          isFolder: false,
          folderId: folder?.id ?? 0,
          folderUid: stored.folderUid,
          folderTitle: folder?.title ?? 'General',
          folderUrl: folder ? `/dashboards/f/${folder.uid}/` : '',
          provisioned: stored.provisioned,
          provisionedExternalId: stored.provisioned ? `${uid}.json` : '',
        },
      },
    };
  }

  private deleteDashboard(uid: string): Reply {
    if (this.folders.has(uid)) {
      return { status: 400, body: { message: 'Use folders endpoint for deleting folders.' } };
    }
    const stored = this.dashboards.get(uid);
    if (!stored) return { status: 404, body: { message: 'Dashboard not found' } };
    if (stored.provisioned)
      return { status: 400, body: { message: 'provisioned dashboard cannot be deleted' } };
    this.dashboards.delete(uid);
    const title = String(stored.model.title);
    return { status: 200, body: { title, message: `Dashboard ${title} deleted`, id: stored.id } };
  }
}
