/**
 * The catalog and environment names a project's retention checks and storage estimate read:
 * the project's own `platform/catalog.ts` and `platform/environments.ts` when it has them
 * (a test project may bring its own), else this repository's.
 */
import { logLevels } from '../conventions/log-fields.ts';
import type { Catalog } from '../model/catalog.ts';
import { environmentsFile, loadCatalog, loadEnvironments } from '../load/platform.ts';

/** What the retention checks and the estimate need to know about the platform. */
export interface PlatformFacts {
  catalog: Catalog;
  environments: string[];
}

/** Load the platform facts for the project at `root`. */
export async function loadPlatform(root: string): Promise<PlatformFacts> {
  const catalog = await loadCatalog(root);
  const environments = await loadEnvironments(environmentsFile(root));
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
