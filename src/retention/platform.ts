/**
 * The catalog and environment names a project's retention checks and storage estimate read:
 * the project's own `platform/catalog.ts` and `platform/environments.ts` when it has them
 * (a test project may bring its own), else this repository's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { logLevels } from '../conventions/log-fields.ts';
import type { Catalog } from '../model/catalog.ts';
import type { Environment } from '../model/environment.ts';
import { repoRoot } from '../model/source.ts';
import { importTypeScript } from '../load/import-ts.ts';

/** What the retention checks and the estimate need to know about the platform. */
export interface PlatformFacts {
  catalog: Catalog;
  environments: string[];
}

async function importFrom<T>(root: string, file: string, name: string): Promise<T> {
  const own = path.join(root, file);
  const chosen = fs.existsSync(own) ? own : path.join(repoRoot, file);
  const value = (await importTypeScript(chosen))[name];
  if (value === undefined) throw new Error(`${chosen}: no exported \`${name}\``);
  return value as T;
}

/** Load the platform facts for the project at `root`. */
export async function loadPlatform(root: string): Promise<PlatformFacts> {
  const catalog = await importFrom<Catalog>(root, 'platform/catalog.ts', 'catalog');
  const environments = await importFrom<Environment[]>(
    root,
    'platform/environments.ts',
    'environments',
  );
  return { catalog, environments: environments.map((e) => e.name) };
}

/** Every stream the agents produce: service × env × level, as label sets. */
export function catalogStreams(facts: PlatformFacts): Record<string, string>[] {
  const streams: Record<string, string>[] = [];
  for (const service of facts.catalog.services) {
    for (const env of facts.environments) {
      for (const level of logLevels) streams.push({ service: service.name, env, level });
    }
  }
  return streams;
}
