/**
 * Fixture definitions for the validation corpus: a shared header (imports and helpers that make
 * a panel or an alert clean), so each case only writes what it breaks. Written to temporary
 * projects, never to the repository, so broken fixtures cannot break its typecheck.
 */
import path from 'node:path';
import { repoRoot } from '../../src/model/source.ts';
import { buildersImport, datasourcesImport } from '../helpers/project.ts';

/** The SDK's dashboard module by absolute path: a temporary project has no node_modules. */
const sdkImport = path.join(
  repoRoot,
  'node_modules/@grafana/grafana-foundation-sdk/dist/dashboard/index.js',
);

/** Lines of `header`; a case's line n is line `headerLines + n` of its file. */
export const headerLines = 7;

export const header = [
  `import { dashboard, timeseries, stat, gauge, table, text, logs, row, promQuery, lokiQuery, alertRule, recordingRule, prometheusRuleGroup, lokiRuleGroup, plainResource, suppressed } from '${buildersImport}';`,
  `import { prometheusDs, lokiDs } from '${datasourcesImport}';`,
  `import * as sdk from '${sdkImport}';`,
  `const ok = (a) => a.for('5m').severity('warning').labels({ team: 'pets' }).summary('Something is wrong').runbook('https://runbooks.virtualpet.example/x');`,
  `const graph = (title, expr) => timeseries(title).datasource(prometheusDs).unit('short').withTarget(promQuery(expr));`,
  `const logPanel = (title, expr) => logs(title).datasource(lokiDs).withTarget(lokiQuery(expr));`,
  '',
].join('\n');

/** One broken definition and the exact diagnostics it must produce. */
export interface BrokenCase {
  /** `rule id: failure mode`. */
  name: string;
  /** Definition file, relative to the project root. */
  file: string;
  /** The module after the header. */
  code: string;
  /** [rule, line inside `code`, message], in the order the build sorts them. */
  expected: [string, number, string][];
}

/** The file contents of a set of cases. */
export function projectFiles(cases: BrokenCase[]): Record<string, string> {
  return Object.fromEntries(cases.map((c) => [c.file, `${header}\n${c.code}\n`]));
}
