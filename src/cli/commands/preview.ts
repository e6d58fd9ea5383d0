/** `preview`: a static HTML page of every dashboard in `out/`, optionally with live data. */
import path from 'node:path';
import type { Command } from 'commander';
import { generatePreview } from '../../preview/generate.ts';
import { resolveEndpoint } from '../../raw/endpoints.ts';
import { asUsage, runRawCommand } from '../../raw/failure.ts';
import { parseDuration, parseTimeRange } from '../../raw/time-range.ts';
import { parseVarFlags } from '../../raw/variables.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../options.ts';
import { out } from '../output.ts';

interface PreviewFlags {
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
      process.exitCode = await runRawCommand(Boolean(flags.json), () => runPreview(root, flags));
    });
}

async function runPreview(root: string, flags: PreviewFlags): Promise<number> {
  const file = path.resolve(root, flags.file);
  let live;
  if (flags.prometheusUrl || flags.env) {
    const range = asUsage(() => parseTimeRange(flags));
    const values = asUsage(() => parseVarFlags(flags.var));
    if (flags.env && values.env === undefined) values.env = flags.env;
    const scrapeInterval = asUsage(() => parseDuration(flags.scrapeInterval));
    const endpoint = await resolveEndpoint(root, 'prometheus', {
      env: flags.env,
      url: flags.prometheusUrl,
      timeoutSeconds: Number(flags.timeout),
    });
    live = { endpoint, range, scrapeInterval, values };
  }

  // A missing or unreadable out/ is a plain error naming the file: runRawCommand exits 2 on it.
  const result = await generatePreview({ root, outDir: path.resolve(root, flags.out), file, live });
  const shown = path.relative(process.cwd(), result.file) || result.file;
  if (flags.json) {
    out(JSON.stringify({ ...result, file: shown, live: Boolean(live) }, null, 2));
  } else {
    const size = `${(result.bytes / 1024).toFixed(1)} KiB`;
    const problems = result.problems ? ` · ${result.problems} panels with query problems` : '';
    out(
      `✔ preview of ${result.dashboards} dashboards, ${result.panels} panels → ${shown} (${size})${problems}`,
    );
    out(`  open it: file://${result.file}`);
  }
  return ExitCode.ok;
}
