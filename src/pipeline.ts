/**
 * The build pipeline: load → compile → validate → emit. Each stage adds diagnostics; `out/` is
 * written only when no stage found an error.
 */
import path from 'node:path';
import { compile, type OutputFile } from './compile/compile.ts';
import { render, writeOut, type Rendered } from './emit/emit.ts';
import { loadDefinitions } from './load/load.ts';
import { countBySeverity, sortDiagnostics, type Diagnostic } from './model/diagnostic.ts';
import type { Resource } from './model/resource.ts';
import { validate } from './validate/validate.ts';

export interface BuildOptions {
  /** Project root holding the definition folders. */
  root: string;
  /** Output folder; `out` under the root by default. */
  outDir?: string;
  /** Validate only; write nothing. */
  dryRun?: boolean;
  /** Load only these definition files instead of discovering them. */
  files?: string[];
  /** Refuse to write when there are warnings too. */
  strict?: boolean;
}

export interface BuildResult {
  resources: Resource[];
  files: OutputFile[];
  rendered: Rendered[];
  diagnostics: Diagnostic[];
  /** Whether the build failed: errors, or warnings under `strict`. */
  failed: boolean;
  /** Whether `out/` was replaced. */
  written: boolean;
  /** Files that differ from the previous `out/`. */
  changed: string[];
  timings: Record<'load' | 'compile' | 'validate' | 'emit', number>;
}

/** Run the whole build; never throws for bad definitions, only reports them. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings = { load: 0, compile: 0, validate: 0, emit: 0 };
  const clock = (stage: keyof typeof timings, started: number) =>
    (timings[stage] = performance.now() - started);

  let started = performance.now();
  const loaded = await loadDefinitions(options.root, options.files);
  clock('load', started);

  started = performance.now();
  const compiled = compile(loaded.resources);
  clock('compile', started);

  // Rendered before validation so the tools check the very bytes the build writes.
  started = performance.now();
  const rendered = render(compiled.files);
  clock('emit', started);

  started = performance.now();
  const texts = new Map(rendered.map((file) => [file.path, file.text]));
  const context = { resources: loaded.resources, files: compiled.files, root: options.root, texts };
  const findings = await validate(context);
  clock('validate', started);

  const diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...compiled.diagnostics,
    ...findings,
  ]);
  started = performance.now();
  const counts = countBySeverity(diagnostics);
  const failed = counts.error > 0 || (options.strict === true && counts.warning > 0);
  let written = false;
  let changed: string[] = [];
  if (!failed && !options.dryRun) {
    const outDir = options.outDir ?? path.join(options.root, 'out');
    changed = writeOut(outDir, rendered).changed;
    written = true;
  }
  timings.emit += performance.now() - started;

  return {
    resources: loaded.resources,
    files: compiled.files,
    rendered,
    diagnostics,
    failed,
    written,
    changed,
    timings,
  };
}
