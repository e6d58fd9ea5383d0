/** What `obs query` does once its options are parsed; loaded only when it runs. */
import path from 'node:path';
import { resolveEndpoint } from '../../raw/endpoints.ts';
import { asUsage } from '../../raw/failure.ts';
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
import { info, out } from '../output.ts';
import type { QueryFlags } from './query.ts';

export async function runQuery(
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
