/**
 * How push marks what it owns on each target, so that a later run (and `--prune`) can tell
 * managed objects from everything else. Each mark is something the server stores and returns
 * unchanged, so it survives a round trip.
 *
 * | target | object | mark |
 * |---|---|---|
 * | Grafana | dashboard | the tag `managedTag` |
 * | Grafana | folder | a uid starting with `managedFolderUidPrefix` (and a description) |
 * | Grafana | alert rule | the annotation `managedAnnotation: obs` on every rule |
 * | Grafana | contact point, mute timing | a uid / name starting with `obs-` |
 * | Grafana | policy tree | a child route no alert matches (`grafana-notifications-model.ts`) |
 * | Prometheus / Loki files | rule file | a first line `fileMarker` |
 * | Mimir / Loki ruler | rule group | a namespace starting with the target's `prefix` |
 * | Alertmanager files | config file | a first line `fileMarker` |
 */

/** Tag put on every dashboard pushed from this repository. */
export const managedTag = 'managed-by-obs';

/** Annotation put on every Grafana-managed alert rule pushed (annotations do not route). */
export const managedAnnotation = 'managed_by';

/** Every folder uid we create starts with this. */
export const managedFolderUidPrefix = 'obs-';

/** Folder description we set; informational (the uid prefix is the mark). */
export const managedFolderDescription =
  'Managed by the virtual-pet observability repository (obs push); changes here are overwritten.';

/** The first line of every file push writes. */
export const fileMarker =
  '# managed-by: virtual-pet observability repository (obs push); edits here are overwritten';

/** Default ruler namespace prefix when a target does not set one. */
export const defaultNamespacePrefix = 'obs-';

/** Whether a file's text carries our mark. */
export function hasFileMarker(text: string): boolean {
  return text.startsWith(fileMarker + '\n') || text === fileMarker;
}

/** A file's text with our mark as its first line. */
export function withFileMarker(text: string): string {
  return `${fileMarker}\n${text}`;
}
