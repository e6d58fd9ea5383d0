/**
 * `xref/duplicate-uid`: Grafana keeps folders and dashboards in one uid space, and alert rule
 * and contact-point integration uids are unique per organisation. Two resources of different
 * kinds (a folder and a dashboard) or in different groups can still collide; the loader only
 * catches the same kind and id twice.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';

interface UidUse {
  space: string;
  uid: string;
  resource: Resource;
  path: string | undefined;
}

export const xrefDuplicateUid: Check = {
  rules: ['xref/duplicate-uid'],
  run({ resources }) {
    const first = new Map<string, UidUse>();
    const diagnostics: Diagnostic[] = [];
    for (const use of resources.flatMap(uidsOf)) {
      const key = `${use.space}\u0000${use.uid}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, use);
        continue;
      }
      if (earlier.resource === use.resource && earlier.path === use.path) continue;
      const where = `${earlier.resource.kind} ${earlier.resource.id} (${earlier.resource.source.file}:${earlier.resource.source.line})`;
      diagnostics.push(
        finding(
          'xref/duplicate-uid',
          'error',
          use.resource,
          use.path,
          `uid \`${use.uid}\` is already used by ${where}`,
          'give one of them another uid',
        ),
      );
    }
    return diagnostics;
  },
};

function uidsOf(resource: Resource): UidUse[] {
  const body = resource.body as { uid?: string } | undefined;
  const use = (space: string, uid: string | undefined, path?: string): UidUse[] =>
    uid ? [{ space, uid, resource, path }] : [];
  switch (resource.kind) {
    case 'dashboard':
      return use('folder-or-dashboard', body?.uid ?? resource.id, 'uid');
    case 'folder':
      return use('folder-or-dashboard', body?.uid ?? resource.id, 'uid');
    case 'datasource':
      return use('datasource', body?.uid, 'uid');
    case 'grafana-rule-group':
    case 'contact-point':
      return nestedUids(resource, resource.kind === 'contact-point' ? 'integration' : 'alert-rule');
    default:
      return [];
  }
}

/** Uids of alert rules (objects with `title` and `condition`) or contact-point integrations. */
function nestedUids(resource: Resource, space: string): UidUse[] {
  const found: UidUse[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const isOwner =
      space === 'alert-rule' ? 'condition' in record : 'type' in record && 'settings' in record;
    if (isOwner && typeof record.uid === 'string' && record.uid) {
      found.push({ space, uid: record.uid, resource, path: path ? `${path}.uid` : 'uid' });
    }
    for (const [key, child] of Object.entries(record)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(resource.body, '');
  return found;
}
