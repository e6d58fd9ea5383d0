#!/usr/bin/env node
// Entry point. The CLI is TypeScript; rather than a loader hook for every module, it is bundled
// once with esbuild (with its dependencies) into node_modules/.cache/obs/cli-<hash>/main.cjs,
// keyed by a hash of its sources: a changed source gives a new bundle.
//
// The bundle runs as a script compiled with a V8 code cache kept beside it (code-cache.bin), so
// a start skips parsing and compiling the code it ran before (that took about a fifth off a
// 100-service build here). The cache is written after a run whose command it did not cover yet
// (code-cache.json lists those), so it grows to hold what each command compiles; V8 rejects it
// when Node changes, and it is rewritten. With OBS_DEBUG=1 the bundle is loaded by Node's own
// loader instead, so stack traces of internal errors are mapped back to the TypeScript sources.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

function sourcesHash() {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.cjs')) {
        const stat = fs.statSync(full);
        hash.update(`${full}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  walk(src);
  return hash.digest('hex').slice(0, 16);
}

const cache = path.join(root, 'node_modules', '.cache', 'obs');
const bundleDir = path.join(cache, `cli-${sourcesHash()}`);
const entry = path.join(bundleDir, 'main.cjs');
if (!fs.existsSync(entry)) await bundle();

// The script cannot call import() itself once restored from a code cache (Node 20); this
// module can, and lends it (src/load/import-module.ts).
globalThis[Symbol.for('obs.import')] = (specifier) => import(specifier);
const cacheFile = path.join(bundleDir, 'code-cache.bin');
const coveredFile = path.join(bundleDir, 'code-cache.json');
let cachedData;
let script;
const module = { exports: {} };
if (process.env.OBS_DEBUG) {
  // Stack traces of internal errors through the bundle's map: Node maps the frames of modules
  // its own loader reads, not of a vm.Script, and parsing the map costs more than the rest of
  // a small build, so only here.
  process.setSourceMapsEnabled(true);
  module.exports = createRequire(import.meta.url)(entry);
} else {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // first run of this bundle
  }
  const code = fs.readFileSync(entry, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
  script = new vm.Script(wrapped, { filename: entry, cachedData });
  script.runInThisContext()(module.exports, createRequire(entry), module, entry, bundleDir);
}
const command = await module.exports.main(process.argv);
if (script) saveCodeCache(command);

function saveCodeCache(command) {
  const fresh = !cachedData || script.cachedDataRejected;
  let covered = [];
  if (!fresh) {
    try {
      covered = JSON.parse(fs.readFileSync(coveredFile, 'utf8'));
    } catch {
      // unknown coverage: rewrite
    }
  }
  if (!fresh && (!command || covered.includes(command))) return;
  try {
    writeAtomically(cacheFile, script.createCachedData());
    writeAtomically(coveredFile, JSON.stringify([...covered, command ?? ''].sort()));
  } catch {
    // a read-only install only starts slower
  }
}

function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

async function bundle() {
  const esbuild = await import('esbuild');
  fs.mkdirSync(cache, { recursive: true });
  const temporary = `${bundleDir}.${process.pid}`;
  await esbuild.build({
    entryPoints: [path.join(src, 'cli', 'main.ts')],
    bundle: true,
    external: ['esbuild', 'prettier', 'playwright-core', 'vitest'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: path.join(temporary, 'main.cjs'),
    sourcemap: 'linked',
    // A CommonJS bundle has no import.meta; the sources read only its url.
    define: { 'import.meta.url': '__obsModuleUrl' },
    banner: { js: "const __obsModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'silent',
  });
  try {
    fs.renameSync(temporary, bundleDir);
  } catch {
    fs.rmSync(temporary, { recursive: true, force: true }); // another run got there first
  }
  for (const old of fs.readdirSync(cache)) {
    const full = path.join(cache, old);
    if (old.startsWith('cli-') && full !== bundleDir && !old.includes('.')) {
      fs.rmSync(full, { recursive: true, force: true });
    } else if ((old.startsWith('cli-') && old.endsWith('.mjs')) || old.endsWith('.mjs.map')) {
      fs.rmSync(full, { force: true }); // single-file bundles of earlier versions
    }
  }
}
