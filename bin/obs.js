#!/usr/bin/env node
// Entry point. The CLI is TypeScript; rather than a loader hook for every module, it is bundled
// once with esbuild (with its dependencies, split so each command loads only what it uses) into
// node_modules/.cache/obs/cli-<hash>/, keyed by a hash of its sources, and imported from there.
// A changed source gives a new bundle.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
      else if (entry.name.endsWith('.ts')) {
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
const entry = path.join(bundleDir, 'main.mjs');
if (!fs.existsSync(entry)) {
  const esbuild = await import('esbuild');
  fs.mkdirSync(cache, { recursive: true });
  const temporary = `${bundleDir}.${process.pid}`;
  await esbuild.build({
    entryPoints: [path.join(src, 'cli', 'main.ts')],
    bundle: true,
    // Commands other than build/validate/list load their code on first use, as chunks.
    splitting: true,
    external: ['esbuild', 'prettier', 'playwright-core', 'vitest'],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    // CommonJS dependencies bundled into an ES module still call require() for built-ins.
    banner: {
      js: "import { createRequire as __obsRequire } from 'node:module'; const require = __obsRequire(import.meta.url);",
    },
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
// The bundle's map is only read for stack traces of internal errors (OBS_DEBUG=1): parsing it
// on every start would cost more than the rest of a small build.
if (process.env.OBS_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(entry).href);
await main(process.argv);
