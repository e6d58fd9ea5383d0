/** `build` and `validate`: run the pipeline and report; `build` also writes `out/`. */
import path from 'node:path';
import type { Command } from 'commander';
import { build, type BuildResult } from '../../pipeline.ts';
import { ExitCode } from '../exit-codes.ts';
import { debug, out, paint } from '../output.ts';
import { countsText, diagnosticsJson, renderDiagnostics } from '../render.ts';
import { globalOptions } from '../options.ts';
import { estimatesJson, storageEstimates, storageLine } from '../../retention/estimate.ts';
import { watch } from '../watch.ts';

interface BuildFlags {
  json?: boolean;
  strict?: boolean;
  out?: string;
  watch?: boolean;
}

const watchHelp = 'build again whenever a definition or platform file changes (Ctrl-C to stop)';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('compile every definition, validate it, and write out/ (atomically)')
    .option('--json', 'print the result and diagnostics as JSON on stdout')
    .option('--strict', 'treat warnings as errors')
    .option('--out <dir>', 'output folder', 'out')
    .option('--watch', watchHelp)
    .action(async (flags: BuildFlags, command: Command) => {
      process.exitCode = await runOrWatch(command, flags, false);
    });

  program
    .command('validate')
    .description('compile and validate every definition; write nothing')
    .option('--json', 'print the diagnostics as JSON on stdout')
    .option('--strict', 'treat warnings as errors')
    .option('--watch', watchHelp.replace('build', 'validate'))
    .action(async (flags: BuildFlags, command: Command) => {
      process.exitCode = await runOrWatch(command, flags, true);
    });
}

async function runOrWatch(command: Command, flags: BuildFlags, dryRun: boolean): Promise<number> {
  if (!flags.watch) return runBuild(command, flags, dryRun);
  return watch(globalOptions(command).root, () => runBuild(command, flags, dryRun));
}

async function runBuild(command: Command, flags: BuildFlags, dryRun: boolean): Promise<number> {
  const { root } = globalOptions(command);
  const started = performance.now();
  const outDir = path.resolve(root, flags.out ?? 'out');
  const result = await build({ root, outDir, dryRun, strict: Boolean(flags.strict) });
  const failed = result.failed;
  const estimates = await storageEstimates(root, result.resources);
  const elapsed = performance.now() - started;

  debug(
    `load ${ms(result.timings.load)} · compile ${ms(result.timings.compile)} · ` +
      `validate ${ms(result.timings.validate)} · emit ${ms(result.timings.emit)}`,
  );
  if (flags.json) {
    out(
      JSON.stringify(
        {
          ...summary(result, elapsed),
          ...diagnosticsJson(result.diagnostics),
          estimates: estimatesJson(estimates),
        },
        null,
        2,
      ),
    );
  } else {
    if (result.diagnostics.length) out(renderDiagnostics(result.diagnostics));
    const storage = storageLine(estimates);
    if (storage) out(storage);
    const dashboards = result.resources.filter((r) => r.kind === 'dashboard').length;
    if (!failed && !dryRun && dashboards) {
      out(
        paint.dim('preview: npx obs preview → preview/index.html (the dashboards without Grafana)'),
      );
    }
    // The summary is always the last line, so scripts can take it with `tail -1`.
    out(summaryLine(result, elapsed, dryRun, failed));
  }
  return failed ? ExitCode.invalid : ExitCode.ok;
}

function summary(result: BuildResult, elapsed: number) {
  return {
    resources: byKind(result),
    files: result.rendered.length,
    written: result.written,
    changed: result.changed,
    milliseconds: Math.round(elapsed),
  };
}

function byKind(result: BuildResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of [...result.resources].sort((a, b) => (a.kind < b.kind ? -1 : 1))) {
    counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  }
  return counts;
}

function summaryLine(
  result: BuildResult,
  elapsed: number,
  dryRun: boolean,
  failed: boolean,
): string {
  const kinds = Object.entries(byKind(result))
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const mark = failed ? paint.red('✘') : paint.green('✔');
  const what = failed
    ? 'out/ left unchanged'
    : dryRun
      ? 'nothing written'
      : `${result.rendered.length} files in out/ (${result.changed.length} changed)`;
  return `${mark} ${result.resources.length} resources (${kinds}) · ${countsText(result.diagnostics)} · ${what} · ${ms(elapsed)}`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
