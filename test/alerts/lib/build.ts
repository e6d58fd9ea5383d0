/**
 * Build the alerting definitions (alerts/ and recording-rules/, with dashboards/ so links can be
 * checked) and write the result into a temporary folder, so the alerting suites test what the
 * definitions produce now, not a stale out/. Errors about alerting resources fail the build;
 * findings about dashboards are another suite's business.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverDefinitions } from '../../../src/load/discover.ts';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { repoRoot } from '../../../src/model/source.ts';
import { build, type BuildResult } from '../../../src/pipeline.ts';

/** The definition folders alerting is built from. */
export const alertingDirs = ['alerts', 'recording-rules', 'dashboards'];

export interface AlertingBuild {
  outDir: string;
  result: BuildResult;
  remove(): void;
}

const alertingKinds =
  /rule-group|contact-point|notification-policy|mute-timing|alertmanager|promtool/;

function isAlerting(d: Diagnostic): boolean {
  const kind = d.resource?.split(' ')[0] ?? '';
  return alertingKinds.test(kind) || /^(alerts|recording-rules)\//.test(d.source.file);
}

/** Build into a fresh temporary folder; throws listing every error about alerting. */
export async function buildAlerting(root = repoRoot): Promise<AlertingBuild> {
  const files = discoverDefinitions(root, alertingDirs);
  const result = await build({ root, files, dryRun: true });
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && isAlerting(d));
  if (errors.length) {
    const lines = errors.map((d) => `${d.source.file}:${d.source.line}: ${d.message} (${d.rule})`);
    throw new Error(`alerting definitions do not build:\n${lines.join('\n')}`);
  }

  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-alerting-'));
  for (const file of result.rendered) {
    fs.mkdirSync(path.dirname(path.join(outDir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file.path), file.text);
  }
  return { outDir, result, remove: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}
