/**
 * Build benchmark: the real CLI on synthetic platforms of 10, 100 and 1,000 services, and on the
 * real Virtual Pet tree; each against a floor run (a fresh Node process that only writes the same
 * bytes). Output goes to /dev/shm where it exists: disk writes here are too noisy to compare.
 * Prints wall time, peak memory and the ratio to the floor, measured in one run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/model/source.ts';
import { syntheticProject } from './synthetic.ts';

const scratch = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

interface Measure {
  ms: number;
  rssBytes: number;
}

function measure(args: string[]): Measure {
  const rssFile = path.join(scratch, `obs-bench-rss-${process.pid}`);
  const probe = path.join(repoRoot, 'scripts/bench/rss-probe.mjs');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', probe, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OBS_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(
      `bench run failed (${result.status}): ${args.join(' ')}\n${result.stdout}${result.stderr}`,
    );
  }
  const rssBytes = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { ms, rssBytes };
}

function packOut(outDir: string): string {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(outDir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(outDir);
  const packed = path.join(scratch, `obs-bench-packed-${process.pid}.json`);
  fs.writeFileSync(packed, JSON.stringify(files));
  return packed;
}

export interface BuildBenchRow {
  name: string;
  files: number;
  build: Measure;
  floor: Measure;
  ratio: number;
}

function benchRoot(name: string, root: string): BuildBenchRow {
  const outDir = path.join(scratch, `obs-bench-out-${process.pid}`);
  const floorDir = path.join(scratch, `obs-bench-floor-${process.pid}`);
  const cli = [path.join(repoRoot, 'bin/obs.js'), '--root', root, 'build', '--out', outDir];

  measure(cli); // warm the tsx cache and the page cache, as a developer's second build is
  const build = measure(cli);
  const packed = packOut(outDir);
  const files = Object.keys(JSON.parse(fs.readFileSync(packed, 'utf8'))).length;
  fs.rmSync(floorDir, { recursive: true, force: true });
  const floor = measure([path.join(repoRoot, 'scripts/bench/floor.mjs'), packed, floorDir]);

  for (const p of [outDir, floorDir, packed]) fs.rmSync(p, { recursive: true, force: true });
  return { name, files, build, floor, ratio: build.ms / floor.ms };
}

/**
 * Where the time of one build goes, in a fresh process (no warm JIT): each pipeline stage, and
 * writing the same bytes alone. Printed beside the end-to-end figures so a reader sees which
 * stage to work on; it does not replace them.
 */
function stageBreakdown(root: string): string {
  const script = `
    import fs from 'node:fs';
    import { build } from '${path.join(repoRoot, 'src/pipeline.ts')}';
    import { writeOut } from '${path.join(repoRoot, 'src/emit/emit.ts')}';
    const out = '${scratch}/obs-bench-stages-' + process.pid;
    const result = await build({ root: '${root}', dryRun: true });
    const started = performance.now();
    writeOut(out, result.rendered);
    const write = performance.now() - started;
    fs.rmSync(out, { recursive: true, force: true });
    const t = result.timings;
    console.log(JSON.stringify({ ...t, write }));
  `;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      cwd: repoRoot,
    },
  );
  if (run.status !== 0) return `(stage breakdown failed: ${run.stderr.split('\n')[0]})`;
  const t = JSON.parse(run.stdout) as Record<
    'load' | 'compile' | 'validate' | 'emit' | 'write',
    number
  >;
  const f = (n: number) => `${n.toFixed(0)} ms`;
  return (
    `load ${f(t.load)} · compile ${f(t.compile)} · validate ${f(t.validate)} · ` +
    `serialise ${f(t.emit)} · write alone ${f(t.write)}`
  );
}

/** Run the build benchmark and print one line per case. */
export function runBuildBench(sizes = [10, 100, 1000]): BuildBenchRow[] {
  const rows: BuildBenchRow[] = [benchRoot('virtual-pet (real tree)', repoRoot)];
  const stages = new Map<string, string>([['virtual-pet (real tree)', stageBreakdown(repoRoot)]]);
  for (const size of sizes) {
    const root = syntheticProject(size);
    const name = `synthetic ${size} services`;
    rows.push(benchRoot(name, root));
    stages.set(name, stageBreakdown(root));
    fs.rmSync(root, { recursive: true, force: true });
  }
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    'build benchmark (wall time and peak RSS of `obs build`; floor = only writing the same bytes)',
  );
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(26)} ${String(row.files).padStart(5)} files  ` +
        `build ${row.build.ms.toFixed(0).padStart(6)} ms ${mib(row.build.rssBytes).padStart(8)}  ` +
        `floor ${row.floor.ms.toFixed(0).padStart(5)} ms ${mib(row.floor.rssBytes).padStart(7)}  ` +
        `ratio ${row.ratio.toFixed(2)}×`,
    );
  }
  console.log('where the time goes (one fresh process per case, dry run, then writing alone):');
  for (const row of rows) console.log(`  ${row.name.padEnd(26)} ${stages.get(row.name)}`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) runBuildBench();
