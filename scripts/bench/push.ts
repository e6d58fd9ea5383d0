/**
 * Push benchmark: 1,000 dashboards to the Grafana emulator and 10,000 rules (1,000 groups of 10)
 * to the Mimir ruler emulator (on a worker thread, so their own work is not counted as push's),
 * then the same push again with nothing changed. Prints requests,
 * writes and wall time for both; fails when the second push writes anything.
 * Run: `npx tsx scripts/bench/push.ts` (or import `runPushBench`).
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushReport } from '../../src/push/push.ts';
import {
  dashboardResource,
  recordRule,
  ruleGroupResource,
  testEnvironment,
} from '../../test/push/fixtures.ts';

export interface PushBenchOptions {
  dashboards?: number;
  groups?: number;
  rulesPerGroup?: number;
  concurrency?: number;
}

export interface PushBenchRun {
  requests: number;
  writes: number;
  applied: number;
  unchanged: number;
  ms: number;
}

/** Run both pushes and return their figures; throws when the second push writes. */
export async function runPushBench(options: PushBenchOptions = {}): Promise<PushBenchRun[]> {
  const { dashboards = 1000, groups = 1000, rulesPerGroup = 10, concurrency = 16 } = options;
  const worker = new Worker(new URL('./push-worker.mjs', import.meta.url));
  const urls = await new Promise<{ grafana: string; mimir: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  try {
    const environment = testEnvironment({
      grafana: { url: urls.grafana, auth: { type: 'none' } },
      prometheus: { mode: 'ruler', url: urls.mimir, auth: { type: 'none' }, tenant: 'bench' },
    });
    const resources = syntheticResources(dashboards, groups, rulesPerGroup);
    const runs: PushBenchRun[] = [];
    for (const label of ['first push', 'second push (nothing changed)']) {
      const report = await push({ environment, resources, concurrency });
      if (report.failed.length) throw new Error(`${label}: ${report.failed.length} failed`);
      runs.push(figures(report));
      print(label, runs.at(-1)!);
    }
    if (runs[1]!.writes !== 0) throw new Error(`second push made ${runs[1]!.writes} writes`);
    return runs;
  } finally {
    worker.postMessage('stop');
    await worker.terminate();
  }
}

function syntheticResources(dashboards: number, groups: number, perGroup: number): Resource[] {
  const resources: Resource[] = [];
  for (let i = 0; i < dashboards; i++) {
    resources.push(dashboardResource(`bench-${i}`, `Team ${i % 20}`));
  }
  for (let g = 0; g < groups; g++) {
    const rules = Array.from({ length: perGroup }, (_, r) =>
      recordRule(`bench:g${g}:r${r}`, r + 1),
    );
    resources.push(
      ruleGroupResource('prometheus-rule-group', `ns-${g % 50}`, `group-${g}`, rules, '1m'),
    );
  }
  return resources;
}

function figures(report: PushReport): PushBenchRun {
  return {
    requests: report.stats.requests,
    writes: report.stats.writes,
    applied: report.applied.length,
    unchanged: report.summary.unchanged,
    ms: report.elapsedMs,
  };
}

function print(label: string, run: PushBenchRun): void {
  console.log(
    `${label.padEnd(30)} ${String(run.requests).padStart(6)} requests · ` +
      `${String(run.writes).padStart(5)} writes · ${run.applied} applied · ` +
      `${run.unchanged} unchanged · ${run.ms} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('push: 1,000 dashboards + 10,000 rules (1,000 groups) to the emulators');
  await runPushBench();
}
