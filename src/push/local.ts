/**
 * What push compares against: the environments (from `platform/environments.ts`, or a file named
 * by `--environments` / `OBS_ENVIRONMENTS_FILE`) and the local resources, built by the same
 * load → compile → validate pipeline as `obs build`, so push never sends what the build refuses.
 */
import {
  loadEnvironments as loadPlatformEnvironments,
  PlatformFileError,
} from '../load/platform.ts';
import type { Environment } from '../model/environment.ts';
import { build, type BuildResult } from '../pipeline.ts';
import { ConfigError } from './errors.ts';

export { environmentsFile } from '../load/platform.ts';

/** Load environments; a problem with the file is a configuration error (exit 2). */
export async function loadEnvironments(file: string): Promise<Environment[]> {
  try {
    return await loadPlatformEnvironments(file);
  } catch (error) {
    if (error instanceof PlatformFileError) throw new ConfigError([error.message]);
    throw error;
  }
}

/** Build the local resources without writing `out/`. */
export function buildLocal(root: string): Promise<BuildResult> {
  return build({ root, dryRun: true });
}
