/** `query`: run a dashboard panel's queries, or any PromQL/LogQL, and print the raw data. */
import path from 'node:path';
import type { Command } from 'commander';
import { resolveEndpoint } from '../../raw/endpoints.ts';
import { asUsage, runRawCommand } from '../../raw/failure.ts';
import {
  queryCsv,
  queryJson,
  renderQueryTable,
  type QueryOutput,
} from '../../raw/format/query-output.ts';
import { runQueries, selectQueries, type QueryEndpoints } from '../../raw/query.ts';
import { parseDuration, parseTimeRange } from '../../raw/time-range.ts';
import { parseVarFlags } from '../../raw/variables.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../options.ts';
import { info, out } from '../output.ts';

interface QueryFlags {
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
        process.exitCode = await runRawCommand(Boolean(flags.json), () =>
          runQuery(root, dashboard, panel, flags),
        );
      },
    );
}

async function runQuery(
  root: string,
  dashboardName: string | undefined,
  panelTitle: string | undefined,
  flags: QueryFlags,
): Promise<number> {
  const range = asUsage(() => parseTimeRange(flags));
  const values = asUsage(() => parseVarFlags(flags.var));
  if (flags.env && values.env === undefined) values.env = flags.env;
  const scrapeInterval = asUsage(() => parseDuration(flags.scrapeInterval));

  const { title, unit, queries, skipped } = selectQueries(
    { ...flags, dashboard: dashboardName, panel: panelTitle },
    { root, outDir: path.resolve(root, flags.out) },
    { range, scrapeInterval, values },
  );
  for (const query of skipped)
    info(`skipping query ${query}: only Prometheus and Loki queries run`);

  const timeoutSeconds = Number(flags.timeout);
  const endpoints: QueryEndpoints = {};
  if (queries.some((q) => q.backend === 'prometheus')) {
    endpoints.prometheus = await resolveEndpoint(root, 'prometheus', {
      env: flags.env,
      url: flags.prometheusUrl,
      timeoutSeconds,
    });
  }
  if (queries.some((q) => q.backend === 'loki')) {
    endpoints.loki = await resolveEndpoint(root, 'loki', {
      env: flags.env,
      url: flags.lokiUrl,
      timeoutSeconds,
    });
  }

  const kind = flags.instant ? 'instant' : 'range';
  const results = await runQueries(queries, endpoints, range, kind);
  const output: QueryOutput = { title, unit, range, results };
  if (flags.json) out(JSON.stringify(queryJson(output), null, 2));
  else if (flags.csv) process.stdout.write(queryCsv(output));
  else out(renderQueryTable(output));
  return ExitCode.ok;
}
