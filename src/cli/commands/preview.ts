/** `preview`: a static HTML page of every dashboard in `out/`, optionally with live data. */
import type { Command } from 'commander';
import { globalOptions } from '../options.ts';

export interface PreviewFlags {
  out: string;
  file: string;
  env?: string;
  prometheusUrl?: string;
  var: string[];
  since?: string;
  from?: string;
  to?: string;
  step?: string;
  scrapeInterval: string;
  timeout: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Where the page goes unless `--file` says otherwise (git-ignored). */
export const defaultPreviewFile = 'preview/index.html';

/** Register `obs preview`. */
export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('write a static HTML page of every dashboard in out/ (no Grafana needed)')
    .option('--file <path>', 'the page to write', defaultPreviewFile)
    .option('--out <dir>', 'the build output holding the dashboards', 'out')
    .option('--prometheus-url <url>', 'draw live data from this Prometheus')
    .option('--env <name>', "draw live data from this environment's Prometheus (sets $env)")
    .option('--var <name=value>', 'a dashboard variable for live data (repeatable)', collect, [])
    .option('--since <duration>', 'live data range ending now (default 1h)')
    .option('--from <time>', 'live data range start')
    .option('--to <time>', 'live data range end')
    .option('--step <duration>', 'live data step (default: range / 100)')
    .option('--scrape-interval <duration>', 'for $__rate_interval (4 × this)', '15s')
    .option('--timeout <seconds>', 'per request', '10')
    .option('--json', 'print the result as JSON')
    .action(async (flags: PreviewFlags, command: Command) => {
      const { root } = globalOptions(command);
      const { runRawCommand } = await import('../../raw/failure.ts');
      const { runPreview } = await import('./preview-run.ts');
      process.exitCode = await runRawCommand(Boolean(flags.json), () => runPreview(root, flags));
    });
}
