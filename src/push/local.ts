/**
 * What push compares against: the environments (from `platform/environments.ts`, or a file named
 * by `--environments` / `OBS_ENVIRONMENTS_FILE`) and the local resources, built by the same
 * load → compile → validate pipeline as `obs build`, so push never sends what the build refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importTypeScript } from '../load/import-ts.ts';
import type { Environment } from '../model/environment.ts';
import { repoRoot } from '../model/source.ts';
import { build, type BuildResult } from '../pipeline.ts';
import { ConfigError } from './errors.ts';

/** The environments file to read: the option, the variable, the project's, or the repository's. */
export function environmentsFile(root: string, option?: string): string {
  const named = option ?? process.env.OBS_ENVIRONMENTS_FILE;
  if (named) return path.resolve(root, named);
  const project = path.join(root, 'platform/environments.ts');
  return fs.existsSync(project) ? project : path.join(repoRoot, 'platform/environments.ts');
}

/** Load environments from a `.json` file (an array) or a module exporting `environments`. */
export async function loadEnvironments(file: string): Promise<Environment[]> {
  if (!fs.existsSync(file)) throw new ConfigError([`environments file \`${file}\` does not exist`]);
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError([`environments file \`${file}\`: ${(error as Error).message}`]);
    }
  } else {
    let module: Record<string, unknown>;
    try {
      module = await importTypeScript(file);
    } catch (error) {
      throw new ConfigError([`environments file: ${(error as Error).message}`]);
    }
    value = module.environments ?? module.default;
  }
  if (!Array.isArray(value) || value.some((e) => typeof e?.name !== 'string')) {
    throw new ConfigError([
      `environments file \`${file}\`: expected an array of environments, each with a \`name\``,
    ]);
  }
  return value as Environment[];
}

/** Build the local resources without writing `out/`. */
export function buildLocal(root: string): Promise<BuildResult> {
  return build({ root, dryRun: true });
}
