/**
 * The platform files every command reads at run time: the catalog and the environments of the
 * project at `root` (its `platform/` when it has one, else this repository's), or an
 * environments file named by `--environments` / `OBS_ENVIRONMENTS_FILE` (`.ts` or `.json`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../model/catalog.ts';
import type { Environment } from '../model/environment.ts';
import { repoRoot } from '../model/source.ts';
import { importTypeScript } from './import-ts.ts';

/** A platform file that is missing or does not hold what it should; the message names it. */
export class PlatformFileError extends Error {
  override name = 'PlatformFileError';
}

function platformFile(root: string, name: string): string {
  const own = path.join(root, 'platform', name);
  return fs.existsSync(own) ? own : path.join(repoRoot, 'platform', name);
}

/** The environments file to read: the option, the variable, the project's, or the repository's. */
export function environmentsFile(root: string, option?: string): string {
  const named = option ?? process.env.OBS_ENVIRONMENTS_FILE;
  return named ? path.resolve(root, named) : platformFile(root, 'environments.ts');
}

/** Environments from a `.json` file (an array) or a module exporting `environments`. */
export async function loadEnvironments(file: string): Promise<Environment[]> {
  if (!fs.existsSync(file))
    throw new PlatformFileError(`environments file \`${file}\` does not exist`);
  let value: unknown;
  try {
    if (file.endsWith('.json')) {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } else {
      const module = await importTypeScript(file);
      value = module.environments ?? module.default;
    }
  } catch (error) {
    throw new PlatformFileError(`environments file \`${file}\`: ${(error as Error).message}`);
  }
  if (!Array.isArray(value) || value.some((e) => typeof e?.name !== 'string')) {
    throw new PlatformFileError(
      `environments file \`${file}\`: expected an array of environments, each with a \`name\``,
    );
  }
  return value as Environment[];
}

/** The catalog of the project at `root`. */
export async function loadCatalog(root: string): Promise<Catalog> {
  const file = platformFile(root, 'catalog.ts');
  const catalog = (await importTypeScript(file)).catalog;
  if (!catalog) throw new PlatformFileError(`${file}: no exported \`catalog\``);
  return catalog as Catalog;
}
