/**
 * Grafana documents as push compares them: the folder a dashboard goes to, the normalised
 * dashboard model (server-filled `id` and `version` removed, tags as a set with our tag), and
 * folder uids derived from titles.
 */
import type { Environment } from '../../model/environment.ts';
import { slug, type Resource } from '../../model/resource.ts';
import { normalise } from '../../plan/normalise.ts';
import { managedFolderUidPrefix, managedTag } from '../ownership.ts';

/** The root ("General") folder: dashboards placed there get no folder uid. */
export const rootFolderTitles = new Set(['', 'general']);

/** The title a folder gets in an environment: its prefix, then the title. */
export function folderTitle(environment: Environment, title: string): string {
  return `${environment.grafana.folderPrefix ?? ''}${title}`;
}

/** The uid of a managed folder, derived from its full title (stable, at most 40 characters). */
export function folderUid(fullTitle: string): string {
  return `${managedFolderUidPrefix}${slug(fullTitle, 40 - managedFolderUidPrefix.length)}`;
}

/** The folder uid a dashboard resource goes to, `` for the root. */
export function dashboardFolderUid(environment: Environment, resource: Resource): string {
  const title = resource.placement.folder ?? '';
  if (rootFolderTitles.has(title.toLowerCase())) return '';
  return folderUid(folderTitle(environment, title));
}

/** The dashboard model we send: the built body, its uid, and our tag added. */
export function localDashboard(resource: Resource): Record<string, unknown> {
  const body = { ...(resource.body as Record<string, unknown>) };
  const tags = Array.isArray(body.tags) ? (body.tags as string[]) : [];
  body.uid = resource.id;
  body.tags = tags.includes(managedTag) ? tags : [...tags, managedTag];
  delete body.id;
  delete body.version;
  return body;
}

/** The document compared for a dashboard: its folder and its model without server fields. */
export function dashboardDocument(model: Record<string, unknown>, folder: string): unknown {
  const { id: _id, version: _version, ...rest } = model;
  return normalise({ folderUid: folder, dashboard: rest }, { setKeys: ['tags'] });
}

/** The document compared for a folder. */
export function folderDocument(title: string): unknown {
  return { title };
}

/** Whether a live dashboard model carries our tag. */
export function isManagedDashboard(tags: unknown): boolean {
  return Array.isArray(tags) && tags.includes(managedTag);
}
