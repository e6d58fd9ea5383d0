/**
 * `xref/folder`: a dashboard or Grafana rule group placed in a folder that no folder resource
 * defines. Checked only when the build defines folders at all; without folder resources the
 * provisioning creates folders from their titles.
 */
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { closest } from '../closest.ts';

export const xrefFolder: Check = {
  rules: ['xref/folder'],
  run({ resources }) {
    const folders = resources.filter((r) => r.kind === 'folder');
    if (folders.length === 0) return [];
    const known = new Set(
      folders.flatMap((r) => [
        r.title,
        r.id,
        (r.body as { title?: string; uid?: string })?.title ?? '',
        (r.body as { uid?: string })?.uid ?? '',
      ]),
    );
    known.delete('');
    const titles = folders.map((r) => (r.body as { title?: string })?.title ?? r.title);

    return resources
      .filter((r) => r.kind === 'dashboard' || r.kind === 'grafana-rule-group')
      .flatMap((resource) => {
        const folder = resource.placement.folder ?? (resource.body as { folder?: string })?.folder;
        if (!folder || known.has(folder)) return [];
        const suggestion = closest(folder, titles);
        return [
          finding(
            'xref/folder',
            'error',
            resource,
            undefined,
            `is placed in folder \`${folder}\`, which no folder resource defines`,
            suggestion
              ? `did you mean \`${suggestion}\`?`
              : `defined folders: ${titles.sort().join(', ')}`,
          ),
        ];
      });
  },
};
