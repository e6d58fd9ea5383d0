/**
 * What `plan` and `push` do once their options are parsed: build, check, plan, maybe apply,
 * print. Loaded only when one of them runs, so `build` does not load the push code.
 */
import type { Command } from 'commander';
import { ConfigError, PushError } from '../../push/errors.ts';
import { buildLocal, environmentsFile, loadEnvironments } from '../../push/local.ts';
import { findEnvironment, ConfigProblem } from '../../push/config.ts';
import { push, type PushReport } from '../../push/push.ts';
import { pushSummaryLine, renderOutcomes, reportJson } from '../../push/report.ts';
import { planSummaryLine, renderPlan, type Painter } from '../../plan/render.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../options.ts';
import { debug, info, out, paint } from '../output.ts';
import { renderDiagnostics } from '../render.ts';
import type { PushFlags } from './push.ts';

/** Shared by `plan` and `push`: build, check, plan, maybe apply, print; returns the exit code. */
export async function runPush(
  command: Command,
  flags: PushFlags,
  dryRun: boolean,
): Promise<number> {
  const { root, verbose } = globalOptions(command);
  try {
    const environments = await loadEnvironments(environmentsFile(root, flags.environments));
    const environment = findEnvironment(environments, flags.env);
    const built = await buildLocal(root);
    if (built.failed) {
      out(renderDiagnostics(built.diagnostics));
      info('✘ the definitions have errors; nothing was pushed (run `obs validate`)');
      return ExitCode.invalid;
    }
    const progress = dryRun || flags.json ? undefined : progressReporter();
    const report = await push({
      environment,
      resources: built.resources,
      root,
      dryRun,
      prune: Boolean(flags.prune),
      allowMassDelete: Boolean(flags.allowMassDelete),
      adopt: Boolean(flags.adopt),
      ...(flags.target ? { targets: flags.target } : {}),
      ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
      policy: {
        ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
        ...(flags.retries !== undefined ? { retries: flags.retries } : {}),
      },
      ...(verbose > 0 ? { log: (line: string) => debug(line) } : {}),
      ...(progress ? { progress: progress.update } : {}),
    });
    progress?.done();
    print(report, flags, dryRun);
    return exitCode(report, flags, dryRun);
  } catch (error) {
    return renderFailure(error);
  }
}

function print(report: PushReport, flags: PushFlags, dryRun: boolean): void {
  if (flags.json) {
    out(JSON.stringify(reportJson(report), null, 2));
    return;
  }
  const painter: Painter = paint;
  const plan = renderPlan(report.items, painter);
  if (plan) out(plan + '\n');
  if (Object.keys(report.notPushed).length) {
    const kinds = Object.entries(report.notPushed).map(([k, n]) => `${n} ${k}`);
    info(`not pushed (delivered as files in out/): ${kinds.join(', ')}`);
  }
  if (dryRun) {
    out(planSummaryLine(report.summary));
    return;
  }
  if (report.refused) {
    out(paint.red(`✘ ${report.refused}`));
    return;
  }
  const outcomes = renderOutcomes(report, painter);
  if (outcomes) out(outcomes);
  out(pushSummaryLine(report, painter));
}

function exitCode(report: PushReport, flags: PushFlags, dryRun: boolean): number {
  if (dryRun) {
    const { create, update, delete: deletes, blocked } = report.summary;
    const changes = create + update + deletes + blocked > 0;
    return flags.detailedExitcode && changes ? ExitCode.changes : ExitCode.ok;
  }
  if (report.refused) return ExitCode.usage;
  if (report.failed.length === 0) return ExitCode.ok;
  return report.applied.length > 0 ? ExitCode.partial : ExitCode.remote;
}

function renderFailure(error: unknown): number {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) info(`✘ ${problem}`);
    return ExitCode.usage;
  }
  if (error instanceof ConfigProblem) {
    info(`✘ ${error.message}`);
    return ExitCode.usage;
  }
  if (error instanceof PushError) {
    info(`✘ ${error.message}`);
    return ExitCode.remote;
  }
  throw error;
}

/**
 * A progress line on stderr, rewritten in place, only when stderr is a terminal (and not a
 * `TERM=dumb` one); at most ten updates a second so a 10,000-object push does not spend its time
 * drawing. With `NO_COLOR` no escape sequence is written: the line is blanked with spaces.
 */
function progressReporter():
  { update: (done: number, total: number, label: string) => void; done: () => void } | undefined {
  if (!process.stderr.isTTY || process.env.TERM === 'dumb') return undefined;
  const width = (process.stderr.columns ?? 100) - 1;
  const clear = 'NO_COLOR' in process.env ? `\r${' '.repeat(width)}\r` : '\r\u001b[K';
  let last = 0;
  let drawn = false;
  return {
    update: (done, total, label) => {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      drawn = true;
      process.stderr.write(`${clear}${`[${done}/${total}] ${label}`.slice(0, width)}`);
    },
    done: () => {
      if (drawn) process.stderr.write(clear);
    },
  };
}
