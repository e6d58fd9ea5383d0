/** Build only the agent and retention definitions of the repository, once per test file. */
import path from 'node:path';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { repoRoot } from '../../src/model/source.ts';

export const ownDefinitions = [
  'agents/promtail.ts',
  'agents/alloy.ts',
  'retention/loki.ts',
  'retention/prometheus.ts',
  'retention/tempo.ts',
];

/** The build of `ownDefinitions`, without writing anything. */
export async function buildOwn(): Promise<BuildResult> {
  return build({
    root: repoRoot,
    dryRun: true,
    files: ownDefinitions.map((file) => path.join(repoRoot, file)),
  });
}

/** The rendered text of every out/ file under `prefix`, by path. */
export function renderedUnder(result: BuildResult, prefix: string): Map<string, string> {
  return new Map(
    result.rendered.filter((f) => f.path.startsWith(prefix)).map((f) => [f.path, f.text]),
  );
}
