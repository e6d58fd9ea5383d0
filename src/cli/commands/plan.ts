/** `plan`: read live state, compare it with the local build, print a diff per changed object. */
import type { Command } from 'commander';
import { runPush, withPushOptions, type PushFlags } from './push.ts';

export function registerPlan(program: Command): void {
  withPushOptions(program.command('plan'))
    .description('show what push would change: a live/local diff per object and a summary')
    .option('--detailed-exitcode', 'exit 3 when there are changes (0 when there are none)')
    .action(async (flags: PushFlags, command: Command) => {
      process.exitCode = await runPush(command, flags, true);
    });
}
