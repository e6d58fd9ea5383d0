/**
 * `xref/datasource`: every datasource uid a panel, query, variable, annotation or Grafana rule
 * names is defined by a datasource resource of the build. A build with no datasource resources
 * at all (datasources managed elsewhere) is not checked.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { closest } from '../closest.ts';
import { walkStrings } from '../walk-strings.ts';

/** Uids Grafana resolves itself: variables, the built-in, mixed and dashboard datasources. */
const builtIn = new Set([
  'grafana',
  '-- Grafana --',
  '-- Mixed --',
  '-- Dashboard --',
  '__expr__',
  '-100',
]);

export const xrefDatasource: Check = {
  rules: ['xref/datasource'],
  run({ resources }) {
    const defined = new Set(
      resources
        .filter((r) => r.kind === 'datasource')
        .map((r) => (r.body as { uid?: string }).uid ?? r.id),
    );
    if (defined.size === 0) return [];
    const diagnostics: Diagnostic[] = [];
    for (const resource of resources) {
      if (resource.kind !== 'dashboard' && resource.kind !== 'grafana-rule-group') continue;
      for (const { uid, path } of datasourceUids(resource.body)) {
        if (defined.has(uid) || builtIn.has(uid) || uid.startsWith('$')) continue;
        const suggestion = closest(uid, defined);
        diagnostics.push(
          finding(
            'xref/datasource',
            'error',
            resource,
            path,
            `datasource uid \`${uid}\` is not defined by any datasource resource`,
            suggestion
              ? `did you mean \`${suggestion}\`?`
              : `defined uids: ${[...defined].sort().join(', ')}`,
          ),
        );
      }
    }
    return diagnostics;
  },
};

/** Every `datasource: { uid }` and `datasourceUid` in a body, with its path. */
function datasourceUids(body: unknown): { uid: string; path: string }[] {
  const found: { uid: string; path: string }[] = [];
  walkStrings(body, (value, key, path) => {
    if (key === 'datasourceUid') found.push({ uid: value, path: path() });
    else if (key === 'uid' && value && path().endsWith('datasource.uid')) {
      found.push({ uid: value, path: path() });
    }
  });
  return found;
}
