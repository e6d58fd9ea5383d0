/** Every CLI command. Add one: write `commands/<verb>.ts` exporting `register<Verb>`, list it here. */
import type { Command } from 'commander';
import { registerBuild } from './build.ts';
import { registerList } from './list.ts';

export const commands: ((program: Command) => void)[] = [registerBuild, registerList];
