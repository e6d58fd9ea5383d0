/**
 * Find definition modules: every `.ts` file under the definition folders, except shared helpers
 * (files in a `lib/` folder or starting with `_`) and tests. Sorted, so loading order — and with
 * it every id and output — is the same on every machine.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folders whose modules define resources, relative to the project root. */
export const definitionDirs = ['dashboards', 'alerts', 'recording-rules', 'retention', 'agents'];

export function discoverDefinitions(root: string, dirs: string[] = definitionDirs): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'lib' && !entry.name.startsWith('.')) walk(full);
      } else if (isDefinitionFile(entry.name)) {
        found.push(full);
      }
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return found.sort();
}

function isDefinitionFile(name: string): boolean {
  return (
    name.endsWith('.ts') &&
    !name.endsWith('.d.ts') &&
    !name.endsWith('.test.ts') &&
    !name.startsWith('_')
  );
}
