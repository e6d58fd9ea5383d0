/**
 * `xref/dashboard-link`, `xref/alert-dashboard`: a link to `/d/<uid>` — in a dashboard's links,
 * a panel or data link, a text panel, or an alert's `dashboard_url` — points at a dashboard of
 * the build. A renamed uid otherwise leaves the on-call engineer on a "not found" page.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { closest } from '../closest.ts';
import { walkStrings } from '../walk-strings.ts';

/** `/d/<uid>` at the start of a URL path, absolute or relative; `/d/${var}` is skipped. */
const linkPattern = /(?:^|[\s("'=]|https?:\/\/[^\s/]+)\/d\/([A-Za-z0-9][\w-]*)(?![\w${-])/g;

export const xrefDashboardLink: Check = {
  rules: ['xref/dashboard-link', 'xref/alert-dashboard'],
  run({ resources }) {
    const uids = new Set(
      resources
        .filter((r) => r.kind === 'dashboard')
        .map((r) => (r.body as { uid?: string }).uid ?? r.id),
    );
    const diagnostics: Diagnostic[] = [];
    for (const resource of resources) {
      const rule = ruleFor(resource);
      if (!rule) continue;
      for (const { uid, path } of linkedUids(resource.body)) {
        if (uids.has(uid)) continue;
        const suggestion = closest(uid, uids);
        diagnostics.push(
          finding(
            rule,
            'error',
            resource,
            path,
            `links to dashboard \`/d/${uid}\`, which the build does not define`,
            suggestion
              ? `did you mean \`/d/${suggestion}\`?`
              : 'link with dashboardPath(uid) from src/conventions/dashboards.ts',
          ),
        );
      }
    }
    return diagnostics;
  },
};

function ruleFor(resource: Resource): string | undefined {
  if (resource.kind === 'dashboard') return 'xref/dashboard-link';
  if (resource.kind.endsWith('rule-group')) return 'xref/alert-dashboard';
  return undefined;
}

/** Every `/d/<uid>` in the string values of a body, and Grafana's `__dashboardUid__`. */
function linkedUids(body: unknown): { uid: string; path: string }[] {
  const found: { uid: string; path: string }[] = [];
  walkStrings(body, (value, key, path) => {
    if (key === '__dashboardUid__') {
      found.push({ uid: value, path: path() });
      return;
    }
    if (!value.includes('/d/')) return;
    for (const match of value.matchAll(linkPattern)) found.push({ uid: match[1]!, path: path() });
  });
  return found;
}
