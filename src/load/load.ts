/**
 * Load stage: import every definition module, turn its default export into resources, and
 * report — as diagnostics, all of them — modules that fail to compile or throw, exports that are
 * not resources, and identities defined twice.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Resource, ResourceSource } from '../model/resource.ts';
import {
  relativeSource,
  setProjectRoot,
  toRepoPath,
  type SourceLocation,
} from '../model/source.ts';
import { bundleDefinitions, publishSharedModules } from './bundle.ts';
import { discoverDefinitions } from './discover.ts';
import { importModule } from './import-module.ts';

export interface LoadResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** Definition files read, relative to the root. */
  files: string[];
}

/** Import and collect every definition under `root`. */
export async function loadDefinitions(root: string, files?: string[]): Promise<LoadResult> {
  setProjectRoot(root);
  const modules = files ?? discoverDefinitions(root);
  const bundled = await bundleDefinitions(root, modules);
  // Dependency chunks (the SDK) load before source maps are on: no builder call site is in them,
  // and parsing their large map would cost more than the rest of a small build. The
  // definitions then load with maps on, so stack traces name their `.ts` lines.
  publishSharedModules();
  process.setSourceMapsEnabled(false);
  for (const chunk of bundled.dependencyChunks) await importModule(pathToFileURL(chunk).href);
  process.setSourceMapsEnabled(true);
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [...bundled.diagnostics];

  for (const file of modules) {
    const entry = bundled.entries.get(file);
    if (!entry) continue; // did not compile; reported above
    const collected = await loadModule(file, entry);
    resources.push(...collected.resources.map(relativeResource));
    diagnostics.push(...collected.diagnostics);
  }

  const duplicates = findDuplicates(resources);
  diagnostics.push(...duplicates.diagnostics);
  return { resources: duplicates.unique, diagnostics, files: modules.map(toRepoPath) };
}

/** Source locations relative to the project root, as every message shows them. */
function relativeResource(resource: Resource): Resource {
  const sources = resource.sources
    ? Object.fromEntries(Object.entries(resource.sources).map(([k, v]) => [k, relativeSource(v)]))
    : undefined;
  return { ...resource, source: relativeSource(resource.source), ...(sources ? { sources } : {}) };
}

async function loadModule(file: string, entry: string): Promise<Omit<LoadResult, 'files'>> {
  const at = { file: toRepoPath(file), line: 1, column: 1 };
  let exported: unknown;
  try {
    const module = await importModule<{ default?: unknown }>(pathToFileURL(entry).href);
    if (!('default' in module)) {
      return failure('load/no-default-export', at, 'the module has no default export', exportHint);
    }
    exported = typeof module.default === 'function' ? await module.default() : module.default;
  } catch (error) {
    return failure('load/module-failed', locateError(error, file), describeError(error));
  }

  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, item] of flatten(exported).entries()) {
    if (!isResourceSource(item)) {
      const what = item === null ? 'null' : typeof item;
      diagnostics.push(
        diagnostic(
          'load/not-a-resource',
          at,
          `default export item ${index} is a ${what}`,
          exportHint,
        ),
      );
      continue;
    }
    try {
      resources.push(...item.toResources());
    } catch (error) {
      diagnostics.push(
        diagnostic('load/build-failed', locateError(error, file), describeError(error)),
      );
    }
  }
  return { resources, diagnostics };
}

const exportHint =
  'export default a builder (dashboard(), prometheusRuleGroup() …), an array of them, or a function returning them';

function flatten(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(flatten) : [value];
}

function isResourceSource(value: unknown): value is ResourceSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ResourceSource).toResources === 'function'
  );
}

/** Report every identity defined twice; later stages see only the first definition. */
function findDuplicates(resources: Resource[]) {
  const seen = new Map<string, Resource>();
  const diagnostics: Diagnostic[] = [];
  for (const resource of resources) {
    const key = `${resource.kind}\u0000${resource.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, resource);
      continue;
    }
    const where = `${first.source.file}:${first.source.line}`;
    diagnostics.push({
      ...diagnostic(
        'load/duplicate-id',
        resource.source,
        `${resource.kind} id \`${resource.id}\` is defined twice; first at ${where}`,
        'give one of them another name or an explicit id',
      ),
      resource: `${resource.kind} ${resource.id}`,
    });
  }
  return { unique: [...seen.values()], diagnostics };
}

/** Where a thrown error comes from: the first frame of its (source-mapped) stack in `file`. */
function locateError(error: unknown, file: string): SourceLocation {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(text);
  if (match) return { file: toRepoPath(file), line: Number(match[1]), column: Number(match[2]) };
  return { file: toRepoPath(file), line: 1, column: 1 };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `threw \`${String(error)}\``;
  return `threw ${error.name}: ${error.message.split('\n')[0]}`;
}

function diagnostic(
  rule: string,
  source: SourceLocation,
  message: string,
  hint?: string,
): Diagnostic {
  return { rule, severity: 'error', source, message, ...(hint ? { hint } : {}) };
}

function failure(rule: string, at: SourceLocation, message: string, hint?: string) {
  return { resources: [], diagnostics: [diagnostic(rule, at, message, hint)] };
}
