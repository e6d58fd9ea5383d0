#!/usr/bin/env node
// Entry point: register the TypeScript loader (tsx), so definitions and the compiler load
// without a separate compile step, then run the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
