/**
 * Where a resource was defined: the file and line of the builder call a user must change.
 * Captured from the call stack when a builder is created, so no definition has to say it.
 */
import fs from 'node:fs';
import { findSourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A position in a definition file; relative to the project root once loaded. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * The repository root: the nearest folder above this module whose `package.json` is ours.
 * (From a bundle in a cache folder, the current directory.)
 */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      fs.readFileSync(manifest, 'utf8').includes('"virtual-pet-observability"')
    ) {
      return dir;
    }
  }
  return process.cwd();
}

let projectRoot = repoRoot;

/** The root that definition paths are shown relative to (the CLI's `--root`). */
export function setProjectRoot(root: string): void {
  projectRoot = path.resolve(root);
}

/** The project being built: the root set by the loader, the repository until then. */
export function projectRootOf(): string {
  return projectRoot;
}

const frame = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

function parseFrame(raw: string): SourceLocation | undefined {
  const match = frame.exec(raw.trim());
  if (!match) return undefined;
  const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

/**
 * The first stack frame outside the compiler and its dependencies: the definition line that
 * called a builder, as an absolute path (the loader makes it relative). Unknown, never a throw,
 * when there is no such frame.
 *
 * Builders call this for every panel and rule, so it is on the hot path: it reads raw call
 * sites and maps only the frames it needs through the module's source map, instead of having
 * Node format and map the whole stack.
 */
export function captureSource(): SourceLocation {
  return fastCapture(true) ?? slowCapture(true);
}

/**
 * Like `captureSource`, but a line in a definition helper (`dashboards/lib/…`) counts: for
 * things whose content is written where they are made, such as a panel built by a shared
 * section helper.
 */
export function captureCreation(): SourceLocation {
  return fastCapture(false) ?? slowCapture(false);
}

function rawCallSites(limit: number): NodeJS.CallSite[] {
  const previous = Error.prepareStackTrace;
  const before = Error.stackTraceLimit;
  Error.stackTraceLimit = limit;
  Error.prepareStackTrace = (_error, sites) => sites;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(holder, rawCallSites);
  const sites = holder.stack; // formatted on first read: read it while our formatter is set
  Error.prepareStackTrace = previous;
  Error.stackTraceLimit = before;
  return Array.isArray(sites) ? sites : [];
}

/**
 * Mapped positions by generated position. Builders are called in loops from the same few lines,
 * so most look-ups hit this cache; `null` remembers "no source map".
 */
const mappedCache = new Map<string, SourceLocation | null>();

/** Map a generated position through the module's source map; undefined when it has none. */
function mapped(site: NodeJS.CallSite): SourceLocation | undefined {
  const name = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!name || line === null || column === null) return undefined;
  const key = `${name}:${line}:${column}`;
  const known = mappedCache.get(key);
  if (known !== undefined) return known ?? undefined;
  const location = mapPosition(name, line, column);
  mappedCache.set(key, location ?? null);
  return location;
}

function mapPosition(name: string, line: number, column: number): SourceLocation | undefined {
  const map = findSourceMap(name);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1) as {
    originalSource?: string;
    originalLine?: number;
    originalColumn?: number;
  };
  if (!entry.originalSource || entry.originalLine === undefined) return undefined;
  const source = entry.originalSource;
  const file = source.startsWith('file://') ? fileURLToPath(source) : path.resolve(source);
  return { file, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/**
 * The fast path, for code loaded from the loader's bundles (which carry source maps). Gives up
 * (undefined) as soon as a frame has no map, e.g. under a test runner with its own transform.
 */
function fastCapture(skipHelpers: boolean, limit = 8): SourceLocation | undefined {
  // Frames cost time each, and the definition line is usually within the first few: a short
  // stack first, a long one only when it was cut before any definition frame.
  const sites = rawCallSites(limit);
  let helper: SourceLocation | undefined;
  for (const site of sites) {
    if (site.isNative()) continue;
    // The compiler's own bundle and the SDK live under node_modules: never a definition, and
    // not worth mapping (the CLI bundle is loaded without its map).
    if (site.getFileName()?.includes(nodeModulesSegment)) continue;
    const location = mapped(site);
    if (!location) return undefined;
    if (isCompilerFrame(location.file)) continue;
    if (!skipHelpers || !isDefinitionHelper(location.file)) return location;
    helper ??= location;
  }
  if (sites.length >= limit && limit < deepStack) return fastCapture(skipHelpers, deepStack);
  return helper;
}

/** Enough for a definition calling helpers calling a builder, however deep in practice. */
const deepStack = 64;

const nodeModulesSegment = '/node_modules/';

const helperFolder =
  /[/\\](?:dashboards|alerts|recording-rules|retention|agents)[/\\](?:.*[/\\])?lib[/\\]/;

/**
 * A shared helper of the definitions (`dashboards/lib/…`): a builder called there is reported
 * at the definition line that called the helper, where a user makes the change; at the helper
 * line only when no definition frame is on the stack.
 */
export function isDefinitionHelper(file: string): boolean {
  return helperFolder.test(file);
}

/**
 * The compiler's `src/` and `node_modules`: frames there are never a definition's. `src/` is
 * taken from this module's own mapped frame when it has one (a copy bundled with the
 * definitions); run from the CLI's bundle (loaded without its map) or a test runner, it is the
 * repository's `src/`.
 */
let compilerDirs: [string, string] | undefined;

function isCompilerFrame(file: string): boolean {
  if (!compilerDirs) {
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (_error, sites) => sites;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder);
    const sites = holder.stack;
    Error.prepareStackTrace = previous;
    const here = Array.isArray(sites) && sites[0] ? mapped(sites[0]) : undefined;
    const srcDir = here ? path.dirname(path.dirname(here.file)) : path.join(repoRoot, 'src');
    compilerDirs = [srcDir + path.sep, `${path.sep}node_modules${path.sep}`];
  }
  return file.startsWith(compilerDirs[0]) || file.includes(compilerDirs[1]);
}

/** The portable path: let Node (or the test runner) format a mapped stack, and parse it. */
function slowCapture(skipHelpers: boolean): SourceLocation {
  const lines = (new Error().stack ?? '').split('\n').slice(1);
  let helper: SourceLocation | undefined;
  for (const raw of lines) {
    const location = parseFrame(raw);
    if (!location || !path.isAbsolute(location.file)) continue;
    if (isCompilerFrame(location.file)) continue;
    if (!skipHelpers || !isDefinitionHelper(location.file)) return location;
    helper ??= location;
  }
  return helper ?? unknownSource;
}

/** A location for resources made outside any definition file (tests, generated). */
export const unknownSource: SourceLocation = { file: '<unknown>', line: 0, column: 0 };

/** `file:line:col`, the form editors and terminals turn into links. */
export function formatSource(source: SourceLocation): string {
  return `${source.file}:${source.line}:${source.column}`;
}

/** A path relative to the project root, with forward slashes. */
export function toRepoPath(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

/** The same location with its file relative to the project root. */
export function relativeSource(source: SourceLocation): SourceLocation {
  return { ...source, file: toRepoPath(source.file) };
}
