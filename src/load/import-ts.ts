/**
 * Import a TypeScript module at run time (the platform catalog, environments, a test's
 * environments file). The CLI runs as a bundle without a loader hook, so a `.ts` file cannot be
 * imported directly: esbuild bundles it to one ES module in the temp folder, named by its content
 * hash, which is then imported. Cached per process, and on disk while none of the module's
 * inputs changed (same size and modification time), which saves starting esbuild on a rebuild
 * (not with OBS_NO_CACHE).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from './import-module.ts';
import {
  cachesEnabled,
  inputsUnchanged,
  readCacheFile,
  stampInputs,
  touchCacheFile,
  writeCacheFile,
  type InputStamp,
} from '../cache/caches.ts';

const loaded = new Map<string, Promise<Record<string, unknown>>>();

/**
 * The module's exports. Throws with the file name when it does not compile. A long-running
 * process (`obs build --watch`) gets the new module once the file or anything it imports changed.
 */
export function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const absolute = path.resolve(file);
  const output = cachedOutput(absolute);
  const key = output ?? `${absolute}:${fs.statSync(absolute).mtimeMs}`;
  let module = loaded.get(key);
  if (!module) {
    module = (output ? Promise.resolve(output) : bundle(absolute)).then((bundled) =>
      importModule(pathToFileURL(bundled).href),
    );
    loaded.set(key, module);
  }
  return module;
}

/** Where bundled modules and their records live: per user, outside the tree. */
function cacheDir(): string {
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `obs-modules-${user}`);
}

interface ModuleRecord {
  inputs: InputStamp[];
  output: string;
}

function recordFile(file: string): string {
  const key = crypto.createHash('sha256').update(file).digest('hex').slice(0, 16);
  return path.join(cacheDir(), `module-${key}.json`);
}

/** The bundled module of `file` from the last run, while none of its inputs changed. */
function cachedOutput(file: string): string | undefined {
  if (!cachesEnabled()) return undefined;
  const record = readCacheFile<ModuleRecord>(recordFile(file));
  if (!record || !fs.existsSync(record.output)) return undefined;
  if (!inputsUnchanged(record.inputs)) return undefined;
  touchCacheFile(record.output); // in use: not pruned
  return record.output;
}

async function bundle(file: string): Promise<string> {
  const esbuild = await importModule<typeof import('esbuild')>('esbuild');
  let result: Awaited<ReturnType<typeof esbuild.build>> & { outputFiles: { text: string }[] };
  try {
    result = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number } }[] })
      .errors?.[0];
    const where = first?.location ? `:${first.location.line}` : '';
    throw new Error(`${file}${where}: does not compile: ${first?.text ?? String(error)}`);
  }
  const code = result.outputFiles[0]!.text;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const output = path.join(cacheDir(), `module-${hash}.mjs`);
  if (!fs.existsSync(output)) {
    // Written aside and renamed, so a concurrent run never imports half a file.
    fs.mkdirSync(cacheDir(), { recursive: true });
    fs.writeFileSync(`${output}.${process.pid}`, code);
    fs.renameSync(`${output}.${process.pid}`, output);
  }
  const inputs = stampInputs(Object.keys(result.metafile!.inputs).map((i) => path.resolve(i)));
  // Records and modules unused for a week are pruned together (the `module-` prefix).
  writeCacheFile(recordFile(file), JSON.stringify({ inputs, output }), 'module-');
  return output;
}
