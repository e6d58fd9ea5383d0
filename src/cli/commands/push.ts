/** `push`: plan against an environment's servers and apply what changed (`--dry-run` plans). */
import type { Command } from 'commander';

/** Options of `plan` and `push`. */
export interface PushFlags {
  env?: string;
  environments?: string;
  target?: string[];
  prune?: boolean;
  allowMassDelete?: boolean;
  adopt?: boolean;
  dryRun?: boolean;
  json?: boolean;
  detailedExitcode?: boolean;
  concurrency?: number;
  timeout?: number;
  retries?: number;
}

const integer = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`\`${value}\` is not a whole number ≥ 0`);
  return n;
};
const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];

/** The options `plan` and `push` share. */
export function withPushOptions(command: Command): Command {
  return command
    .requiredOption('--env <name>', 'environment from platform/environments.ts')
    .option('--environments <file>', 'environments file (.ts or .json); or OBS_ENVIRONMENTS_FILE')
    .option('--target <names>', 'only these targets: grafana,prometheus,loki,alertmanager', list)
    .option('--prune', 'delete managed objects no longer defined here')
    .option('--adopt', 'take over objects that exist without our ownership mark')
    .option('--json', 'print the report as JSON on stdout')
    .option('--concurrency <n>', 'requests in flight per target (default 8)', integer)
    .option('--timeout <ms>', 'timeout of every request (default 15000)', integer)
    .option('--retries <n>', 'retries on 429, 5xx and connection errors (default 4)', integer);
}

export function registerPush(program: Command): void {
  withPushOptions(program.command('push'))
    .description('apply what changed to an environment, in dependency order, then verify')
    .option('--dry-run', 'plan only: show the diff, write nothing')
    .option('--allow-mass-delete', 'allow more deletes than the environment’s maxDeletes')
    .option('--detailed-exitcode', 'with --dry-run: exit 3 when there are changes')
    .action(async (flags: PushFlags, command: Command) => {
      process.exitCode = await runPush(command, flags, Boolean(flags.dryRun));
    });
}

/** Run `plan` (dry run) or `push`; the work is loaded on demand (`./push-run.ts`). */
export async function runPush(
  command: Command,
  flags: PushFlags,
  dryRun: boolean,
): Promise<number> {
  const { runPush: run } = await import('./push-run.ts');
  return run(command, flags, dryRun);
}
