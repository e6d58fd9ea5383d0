/**
 * Emit stage: serialise every output file, add the manifest, and replace `out/` in one step.
 * Everything is written to a sibling staging folder first; only a complete, error-free build
 * is swapped in, so a failed build leaves the previous `out/` untouched byte for byte.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../compile/compile.ts';
import { toJson, serialize } from './serialize.ts';

/** One line of `out/manifest.json`. */
export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
  /** `kind id` of every resource in the file. */
  resources: string[];
}

export interface Rendered {
  path: string;
  text: string;
  resources: string[];
}

/** Serialise all files and the manifest, in memory. */
export function render(files: OutputFile[]): Rendered[] {
  const rendered = files.map((file) => ({
    path: file.path,
    text: serialize(file.path, file.document),
    resources: file.resources.map((r) => `${r.kind} ${r.id}`).sort(),
  }));
  const manifest = { files: rendered.map(manifestEntry) };
  rendered.push({ path: 'manifest.json', text: toJson(manifest), resources: [] });
  return rendered.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function manifestEntry(file: Rendered): ManifestEntry {
  return {
    path: file.path,
    sha256: crypto.createHash('sha256').update(file.text).digest('hex'),
    bytes: Buffer.byteLength(file.text),
    resources: file.resources,
  };
}

export interface WriteResult {
  written: number;
  /** Files whose bytes differ from the previous `out/` (added, changed or removed). */
  changed: string[];
}

/** Write `files` as the new content of `outDir`, atomically. */
export function writeOut(outDir: string, files: Rendered[]): WriteResult {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  const staging = path.join(parent, `.${base}-staging-${process.pid}`);
  const retired = path.join(parent, `.${base}-retired-${process.pid}`);

  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const dirs = new Set(files.map((f) => path.dirname(path.join(staging, f.path))));
    for (const dir of [...dirs].sort()) fs.mkdirSync(dir, { recursive: true });
    for (const file of files) fs.writeFileSync(path.join(staging, file.path), file.text);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }

  const changed = diffAgainst(outDir, files);
  const hadOut = fs.existsSync(outDir);
  if (hadOut) fs.renameSync(outDir, retired);
  try {
    fs.renameSync(staging, outDir);
  } catch (error) {
    if (hadOut) fs.renameSync(retired, outDir);
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(retired, { recursive: true, force: true });
  return { written: files.length, changed };
}

/**
 * Paths that are new, changed or gone compared with the current `out/`: the two manifests'
 * hashes compared, so no file is read or hashed again.
 */
function diffAgainst(outDir: string, files: Rendered[]): string[] {
  const previous = readManifest(outDir);
  const next = manifestHashes(files.find((f) => f.path === 'manifest.json')?.text ?? '');
  const changed = new Set<string>();
  for (const [file, sha] of next) if (previous.get(file) !== sha) changed.add(file);
  for (const file of previous.keys()) if (!next.has(file)) changed.add(file);
  return [...changed].sort();
}

function readManifest(outDir: string): Map<string, string> {
  try {
    return manifestHashes(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return new Map();
  }
}

/** Path → sha256 of every file a manifest lists; empty when the text is not a manifest. */
function manifestHashes(text: string): Map<string, string> {
  try {
    const manifest = JSON.parse(text) as { files: ManifestEntry[] };
    return new Map(manifest.files.map((f) => [f.path, f.sha256]));
  } catch {
    return new Map();
  }
}
