/**
 * The broken-definition corpus: every lint rule and failure mode, each a definition file in a
 * temporary project, each asserting the exact diagnostics of its file (rule id, file, line,
 * message) from the real CLI's `validate --json`. Tool findings (promtool, amtool) have their own
 * suite; they are left out here so the corpus runs the same with or without the tools.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.ts';
import { runCli, tempProject } from '../helpers/project.ts';
import { configCases } from './corpus-config.ts';
import { queryCases } from './corpus-queries.ts';
import { xrefCases } from './corpus-xref.ts';
import { headerLines, projectFiles, type BrokenCase } from './fixtures.ts';

interface JsonDiagnostic {
  rule: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

/** Run `validate --json` on a project of `cases`; diagnostics by file. */
function validateProject(cases: BrokenCase[]) {
  const root = tempProject(projectFiles(cases));
  const run = runCli(root, ['validate', '--json']);
  const parsed = JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] };
  return { root, status: run.status, diagnostics: parsed.diagnostics };
}

const suites: [string, BrokenCase[]][] = [
  ['queries and dashboards', queryCases],
  ['alerts, routing, schemas, suppressions', configCases],
  ['cross references with defined datasources and folders', xrefCases],
];

it('has at least 50 broken definitions', () => {
  const broken = suites.flatMap(([, cases]) => cases).filter((c) => c.expected.length > 0);
  expect(broken.length).toBeGreaterThanOrEqual(50);
});

describe.each(suites)('broken definitions: %s', (_name, cases) => {
  let result: ReturnType<typeof validateProject>;
  beforeAll(() => {
    result = validateProject(cases);
  }, 120_000);
  afterAll(() => fs.rmSync(result.root, { recursive: true, force: true }));

  it('fails validation', () => {
    expect(result.status).toBe(ExitCode.invalid);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_title, broken) => {
    const found = result.diagnostics
      .filter((d) => d.file === broken.file && !d.rule.startsWith('tool/'))
      .map((d) => [d.rule, d.line - headerLines, d.message]);
    expect(found).toEqual(broken.expected);
  });
});
