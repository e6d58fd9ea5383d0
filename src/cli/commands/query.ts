/** `query`: run a dashboard panel's queries, or any PromQL/LogQL, and print the raw data. */
import type { Command } from 'commander';
import { globalOptions } from '../options.ts';

export interface QueryFlags {
  promql?: string;
  logql?: string;
  env?: string;
  prometheusUrl?: string;
  lokiUrl?: string;
  var: string[];
  since?: string;
  from?: string;
  to?: string;
  step?: string;
  instant?: boolean;
  scrapeInterval: string;
  timeout: string;
  json?: boolean;
  csv?: boolean;
  out: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Register `obs query`. */
export function registerQuery(program: Command): void {
  program
    .command('query')
    .description("run a dashboard panel's queries, or any PromQL/LogQL, and print the data")
    .argument('[dashboard]', 'dashboard uid or title (with [panel])')
    .argument('[panel]', 'panel title')
    .option('--promql <expr>', 'run this PromQL instead of a panel')
    .option('--logql <expr>', 'run this LogQL instead of a panel')
    .option('--env <name>', 'environment of platform/environments.ts (also sets $env)')
    .option('--prometheus-url <url>', 'Prometheus (or Mimir prefix) URL, instead of --env')
    .option('--loki-url <url>', 'Loki URL, instead of --env')
    .option('--var <name=value>', 'a dashboard variable (repeatable)', collect, [])
    .option('--since <duration>', 'range ending now, e.g. 1h (default 1h)')
    .option('--from <time>', 'range start: now-2h, unix seconds or RFC3339')
    .option('--to <time>', 'range end (default now)')
    .option('--step <duration>', 'range step (default: range / 100)')
    .option('--instant', 'one value per series at the end of the range')
    .option('--scrape-interval <duration>', 'for $__rate_interval (4 × this)', '15s')
    .option('--timeout <seconds>', 'per request', '10')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV, one row per sample')
    .option('--out <dir>', 'the build output holding the dashboards', 'out')
    .action(
      async (
        dashboard: string | undefined,
        panel: string | undefined,
        flags: QueryFlags,
        command: Command,
      ) => {
        const { root } = globalOptions(command);
        const { runRawCommand } = await import('../../raw/failure.ts');
        const { runQuery } = await import('./query-run.ts');
        process.exitCode = await runRawCommand(Boolean(flags.json), () =>
          runQuery(root, dashboard, panel, flags),
        );
      },
    );
}
