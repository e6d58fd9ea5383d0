/** Every CLI command. Add one: write `commands/<verb>.ts` exporting `register<Verb>`, list it here. */
import type { Command } from 'commander';
import { registerAlerts } from './alerts.ts';
import { registerBuild } from './build.ts';
import { registerList } from './list.ts';
import { registerLogs } from './logs.ts';
import { registerPlan } from './plan.ts';
import { registerPreview } from './preview.ts';
import { registerPush } from './push.ts';
import { registerQuery } from './query.ts';

export const commands: ((program: Command) => void)[] = [
  registerBuild,
  registerList,
  registerQuery,
  registerAlerts,
  registerLogs,
  registerPreview,
  registerPlan,
  registerPush,
];
