/**
 * Import a TypeScript module at run time (the platform catalog, environments, a test's
 * environments file). The CLI runs as a bundle without a loader hook, so a `.ts` file cannot be
 * imported directly: esbuild bundles it to one ES module in the temp folder, named by its content
 * hash, which is then imported. Cached per process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const loaded = new Map<string, Promise<Record<string, unknown>>>();

/** The module's exports. Throws with the file name when it does not compile. */
export function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const absolute = path.resolve(file);
  const key = `${absolute}:${fs.statSync(absolute).mtimeMs}`;
  let module = loaded.get(key);
  if (!module) {
    module = bundleAndImport(absolute);
    loaded.set(key, module);
  }
  return module;
}

async function bundleAndImport(file: string): Promise<Record<string, unknown>> {
  const esbuild = await import('esbuild');
  let code: string;
  try {
    const result = await esbuild.build({
      entryPoints: [file],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number } }[] })
      .errors?.[0];
    const where = first?.location ? `:${first.location.line}` : '';
    throw new Error(`${file}${where}: does not compile: ${first?.text ?? String(error)}`);
  }
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const out = path.join(os.tmpdir(), `obs-module-${hash}.mjs`);
  if (!fs.existsSync(out)) {
    // Written aside and renamed, so a concurrent run never imports half a file.
    fs.writeFileSync(`${out}.${process.pid}`, code);
    fs.renameSync(`${out}.${process.pid}`, out);
  }
  return (await import(pathToFileURL(out).href)) as Record<string, unknown>;
}
