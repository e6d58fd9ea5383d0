/**
 * Bundle definition modules with esbuild before importing them. Importing TypeScript through a
 * loader hook sends every module (the foundation SDK alone is hundreds) through a hook thread;
 * one esbuild call that splits the definitions into entry files plus shared chunks is several
 * times faster. Each definition stays its own entry module, so a definition that throws fails
 * alone. Inline source maps keep stack traces — and with them every builder's file:line — on the
 * original `.ts` lines. The compiler's own modules and the SDK are not bundled again: imports of
 * them read the instances the compiler already loaded (`shared-modules.ts`), so a bundle holds
 * only definition code and its map stays small.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import {
  cachesEnabled,
  inputsUnchanged,
  readCacheFile,
  stampInputs,
  type InputStamp,
} from '../cache/caches.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { repoRoot, toRepoPath } from '../model/source.ts';
import { sharedModules } from './shared-modules.ts';

export interface BundleResult {
  /** Definition file (absolute) → bundled entry module (absolute path). */
  entries: Map<string, string>;
  /**
   * Chunks made only of dependencies (the SDK). Importing them before source maps are switched
   * on saves parsing a large map nobody needs: no builder call site is in them.
   */
  dependencyChunks: string[];
  /** Files that did not compile, as diagnostics at the offending line. */
  diagnostics: Diagnostic[];
}

/** Where bundles are cached: per user and project, outside the tree. */
function cacheDir(root: string): string {
  const key = crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12);
  const user = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `obs-bundles-${user}`, key);
}

/** Where the loader publishes the shared modules for the bundles' stubs to read. */
const sharedGlobal = Symbol.for('obs.shared-modules');

interface SharedTable {
  /** Resolved file → the module's exports. */
  modules: Map<string, object>;
  /** Changes when any stub would change (path, export names, form): part of the bundle cache key. */
  signature: string;
}

let shared: SharedTable | undefined;

function sharedTable(): SharedTable {
  if (shared) return shared;
  const resolve = createRequire(path.join(repoRoot, 'package.json')).resolve;
  const modules = new Map<string, object>();
  const signature = crypto.createHash('sha256');
  for (const [name, exports] of Object.entries(sharedModules)) {
    let file: string;
    try {
      file = fs.realpathSync(name.startsWith('src/') ? path.join(repoRoot, name) : resolve(name));
    } catch {
      continue; // not on disk (an installed bundle): definitions bundle their own copy
    }
    modules.set(file, exports);
    signature.update(stub(file, exports)); // the stub as bundled: names, path and form
  }
  shared = { modules, signature: signature.digest('hex') };
  return shared;
}

/** Make the shared modules readable by the bundles' stubs; call before importing a bundle. */
export function publishSharedModules(): void {
  (globalThis as Record<symbol, unknown>)[sharedGlobal] = Object.fromEntries(sharedTable().modules);
}

const identifier = /^[A-Za-z_$][\w$]*$/;

function exportNames(exports: object): string[] {
  return Object.keys(exports).filter((name) => identifier.test(name));
}

/** A module that re-exports the shared instance of `file` under each of its names. */
function stub(file: string, exports: object): string {
  const names = exportNames(exports).filter((name) => name !== 'default');
  const lines = [
    `const m = globalThis[Symbol.for('obs.shared-modules')]?.[${JSON.stringify(file)}];`,
    `if (!m) throw new Error(${JSON.stringify(`${file} is not shared: import definition bundles through loadDefinitions()`)});`,
  ];
  if (names.length) lines.push(`export const { ${names.join(', ')} } = m;`);
  if ('default' in exports) lines.push('export default m.default;');
  return lines.join('\n');
}

const resolving = Symbol('obs-resolving');

/** Send imports that resolve to a shared module to its stub instead of bundling the file. */
function sharedModulesPlugin(table: SharedTable): esbuild.Plugin {
  return {
    name: 'obs-shared-modules',
    setup(build) {
      build.onResolve({ filter: /^[./]|^@grafana\/grafana-foundation-sdk\// }, async (args) => {
        if (args.pluginData === resolving || args.kind === 'entry-point') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: resolving,
        });
        if (resolved.errors.length > 0 || !table.modules.has(resolved.path)) return undefined;
        return { path: resolved.path, namespace: 'obs-shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'obs-shared' }, (args) => ({
        contents: stub(args.path, table.modules.get(args.path)!),
        loader: 'js',
      }));
    },
  };
}

/** Bundle `files`; files that fail to compile are left out and reported. */
export async function bundleDefinitions(root: string, files: string[]): Promise<BundleResult> {
  const outdir = cacheDir(root);
  const cached = cachesEnabled() ? readCache(outdir, files) : undefined;
  if (cached) return { ...cached, diagnostics: [] };

  const attempt = await tryBundle(files, outdir);
  if (attempt.ok) {
    writeCache(outdir, files, attempt);
    pruneBundleCache(root); // only after a fresh bundle: a cache hit writes nothing to prune
    return {
      entries: attempt.entries,
      dependencyChunks: attempt.dependencyChunks,
      diagnostics: [],
    };
  }

  // Some file does not compile. Bundle each definition alone to find which ones fail, then
  // bundle the rest together as usual. Slow, but only on the error path.
  const diagnostics = new Map<string, Diagnostic>();
  const good: string[] = [];
  for (const file of files) {
    const single = await tryBundle([file], outdir);
    if (single.ok) good.push(file);
    else for (const d of single.diagnostics) diagnostics.set(diagnosticKey(d), d);
  }
  const rest: Attempt = good.length
    ? await tryBundle(good, outdir)
    : { ok: true, entries: new Map(), dependencyChunks: [], inputs: [] };
  if (!rest.ok) for (const d of rest.diagnostics) diagnostics.set(diagnosticKey(d), d);
  return {
    entries: rest.ok ? rest.entries : new Map(),
    dependencyChunks: rest.ok ? rest.dependencyChunks : [],
    diagnostics: [...diagnostics.values()],
  };
}

interface Bundled {
  ok: true;
  entries: Map<string, string>;
  dependencyChunks: string[];
  /** Every source file that went into the bundle (absolute). */
  inputs: string[];
}

type Attempt = Bundled | { ok: false; diagnostics: Diagnostic[] };

async function tryBundle(files: string[], outdir: string): Promise<Attempt> {
  try {
    const result = await esbuild.build({
      entryPoints: files,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir,
      outbase: '/',
      outExtension: { '.js': '.mjs' },
      entryNames: '[dir]/[name]-[hash]',
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: 'inline',
      sourcesContent: false,
      metafile: true,
      logLevel: 'silent',
      write: true,
      plugins: [sharedModulesPlugin(sharedTable())],
    });
    return {
      ok: true,
      entries: entriesOf(result.metafile, files),
      dependencyChunks: dependencyChunksOf(result.metafile),
      inputs: Object.keys(result.metafile.inputs)
        .filter((input) => !input.startsWith('obs-shared:'))
        .map((input) => path.resolve(input)),
    };
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    return { ok: false, diagnostics: failure.errors.map(toDiagnostic) };
  }
}

function entriesOf(metafile: esbuild.Metafile, files: string[]): Map<string, string> {
  const byInput = new Map<string, string>();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (meta.entryPoint) byInput.set(path.resolve(meta.entryPoint), path.resolve(output));
  }
  const entries = new Map<string, string>();
  for (const file of files) {
    const output = byInput.get(path.resolve(file));
    if (output) entries.set(file, output);
  }
  return entries;
}

function dependencyChunksOf(metafile: esbuild.Metafile): string[] {
  return Object.entries(metafile.outputs)
    .filter(([output, meta]) => output.endsWith('.mjs') && !meta.entryPoint)
    .filter(([, meta]) => Object.keys(meta.inputs).every((i) => i.includes('node_modules/')))
    .map(([output]) => path.resolve(output));
}

/**
 * The bundle of the same definition files is reused while none of its inputs changed (same
 * size and modification time), which saves the esbuild run on a rebuild (not with OBS_NO_CACHE).
 */
interface CacheRecord {
  inputs: InputStamp[];
  entries: [string, string][];
  dependencyChunks: string[];
}

function cacheFile(outdir: string, files: string[]): string {
  const key = crypto
    .createHash('sha256')
    .update(files.join('\n'))
    .update(sharedTable().signature)
    .digest('hex')
    .slice(0, 16);
  return path.join(outdir, `bundle-${key}.json`);
}

function readCache(outdir: string, files: string[]): Omit<BundleResult, 'diagnostics'> | undefined {
  const record = readCacheFile<CacheRecord>(cacheFile(outdir, files));
  if (!record || !inputsUnchanged(record.inputs)) return undefined;
  const outputs = [...record.entries.map(([, output]) => output), ...record.dependencyChunks];
  if (!outputs.every((output) => fs.existsSync(output))) return undefined;
  return { entries: new Map(record.entries), dependencyChunks: record.dependencyChunks };
}

function writeCache(outdir: string, files: string[], bundled: Bundled): void {
  const record: CacheRecord = {
    inputs: stampInputs(bundled.inputs),
    entries: [...bundled.entries],
    dependencyChunks: bundled.dependencyChunks,
  };
  fs.writeFileSync(cacheFile(outdir, files), JSON.stringify(record));
}

function toDiagnostic(message: esbuild.Message): Diagnostic {
  const location = message.location;
  const file = location ? toRepoPath(path.resolve(location.file)) : '<unknown>';
  return {
    rule: 'load/module-failed',
    severity: 'error',
    source: { file, line: location?.line ?? 1, column: (location?.column ?? 0) + 1 },
    message: `does not compile: ${message.text}`,
  };
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.source.file}:${d.source.line}:${d.source.column}:${d.message}`;
}

/** Remove cached bundles older than a day, so the cache does not grow without bound. */
function pruneBundleCache(root: string, maxAgeMs = 24 * 3600 * 1000): void {
  const dir = cacheDir(root);
  const now = Date.now();
  const walk = (current: string) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (now - fs.statSync(full).mtimeMs > maxAgeMs) fs.rmSync(full, { force: true });
    }
  };
  walk(dir);
}
