/**
 * Build benchmark: the real CLI on synthetic platforms of 10, 100 and 1,000 services, and on the
 * real Virtual Pet tree; each against a floor run (a fresh Node process that only writes the same
 * bytes). Output goes to /dev/shm where it exists: disk writes here are too noisy to compare.
 * Each case is built twice more: as a rebuild (caches in place) and cold (OBS_NO_CACHE=1); the
 * synthetic ones are also edited under `obs build --watch`.
 * Prints wall time, peak memory, the ratio to the floor, and where the time went (from the
 * stage timings `obs -v build` prints), measured in one run.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/model/source.ts';
import { syntheticProject } from './synthetic.ts';

const scratch = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

interface Measure {
  ms: number;
  rssBytes: number;
  /** What the run printed on stderr (`obs -v build` prints its stage timings there). */
  stderr: string;
}

function measure(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Measure {
  const rssFile = path.join(scratch, `obs-bench-rss-${process.pid}`);
  const probe = path.join(repoRoot, 'scripts/bench/rss-probe.mjs');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', probe, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OBS_BENCH_RSS_FILE: rssFile, NO_COLOR: '1', ...extraEnv },
  });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(
      `bench run failed (${result.status}): ${args.join(' ')}\n${result.stdout}${result.stderr}`,
    );
  }
  const rssBytes = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { ms, rssBytes, stderr: result.stderr };
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
  /** A rebuild of the same tree: the bundle, parse and tool-verdict caches in place. */
  build: Measure;
  /** The same build with every build cache off (OBS_NO_CACHE=1), as on a fresh clone. */
  cold: Measure;
  floor: Measure;
  ratio: number;
  coldRatio: number;
  /** `obs build --watch`: median time from saving a changed definition to the build's summary. */
  watchMs?: number;
}

function benchRoot(name: string, root: string): BuildBenchRow {
  const outDir = path.join(scratch, `obs-bench-out-${process.pid}`);
  const floorDir = path.join(scratch, `obs-bench-floor-${process.pid}`);
  const cli = [path.join(repoRoot, 'bin/obs.js'), '-v', '--root', root, 'build', '--out', outDir];

  measure(cli); // warm the build caches and the page cache, as a developer's second build is
  const build = measure(cli);
  const cold = measure(cli, { OBS_NO_CACHE: '1' });
  const packed = packOut(outDir);
  const files = Object.keys(JSON.parse(fs.readFileSync(packed, 'utf8'))).length;
  fs.rmSync(floorDir, { recursive: true, force: true });
  const floor = measure([path.join(repoRoot, 'scripts/bench/floor.mjs'), packed, floorDir]);

  for (const p of [outDir, floorDir, packed]) fs.rmSync(p, { recursive: true, force: true });
  return {
    name,
    files,
    build,
    cold,
    floor,
    ratio: build.ms / floor.ms,
    coldRatio: cold.ms / floor.ms,
  };
}

/**
 * The latency of `obs build --watch` on `root`: the median, over `saves` saves, of the time from
 * writing a changed definition (a different dashboard title prefix) to the summary line of the
 * build it starts. The synthetic platform is one file, so each save runs all of it again.
 */
async function watchLatency(root: string, outDir: string, saves = 5): Promise<number> {
  const file = path.join(root, 'dashboards', 'bench.ts');
  const original = fs.readFileSync(file, 'utf8');
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin/obs.js'), '--root', root, 'build', '--watch', '--out', outDir],
    { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let pending: ((at: number) => void) | undefined;
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    if (lines.some((line) => /^[✔✘] /.test(line))) pending?.(performance.now());
  });
  const summary = () => new Promise<number>((resolve) => (pending = resolve));
  const times: number[] = [];
  try {
    await summary(); // the first build
    for (let i = 1; i <= saves; i += 1) {
      const next = summary();
      const saved = performance.now();
      fs.writeFileSync(file, original.replace("'Bench '", `'Bench${'!'.repeat(i)} '`));
      times.push((await next) - saved);
    }
  } finally {
    child.kill();
    fs.writeFileSync(file, original);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * Where the time of a measured build went, from the stage timings `obs -v build` prints: each
 * pipeline stage, and the rest of the wall time (Node's start, loading the CLI, printing, exit).
 */
function stageBreakdown(run: Measure): string {
  const match = /load (\d+) ms · compile (\d+) ms · validate (\d+) ms · emit (\d+) ms/.exec(
    run.stderr,
  );
  if (!match) return '(no stage timings printed)';
  const [load, compile, validate, emit] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const rest = run.ms - load - compile - validate - emit;
  return (
    `start-up and exit ${rest.toFixed(0)} ms · load ${load} ms · compile ${compile} ms · ` +
    `validate ${validate} ms · serialise and write ${emit} ms`
  );
}

/** Run the build benchmark and print one line per case. */
export async function runBuildBench(sizes = [10, 100, 1000]): Promise<BuildBenchRow[]> {
  const rows: BuildBenchRow[] = [benchRoot('virtual-pet (real tree)', repoRoot)];
  for (const size of sizes) {
    const root = syntheticProject(size);
    const row = benchRoot(`synthetic ${size} services`, root);
    const outDir = path.join(scratch, `obs-bench-watch-${process.pid}`);
    row.watchMs = await watchLatency(root, outDir);
    fs.rmSync(outDir, { recursive: true, force: true });
    rows.push(row);
    fs.rmSync(root, { recursive: true, force: true });
  }
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    'build benchmark (wall time and peak RSS of `obs build`; floor = only writing the same bytes;\n' +
      'rebuild = same tree again, caches in place; cold = OBS_NO_CACHE=1, as on a fresh clone)',
  );
  for (const row of rows) {
    console.log(
      `  ${row.name.padEnd(26)} ${String(row.files).padStart(5)} files  ` +
        `rebuild ${row.build.ms.toFixed(0).padStart(6)} ms ${mib(row.build.rssBytes).padStart(8)}  ` +
        `cold ${row.cold.ms.toFixed(0).padStart(6)} ms  ` +
        `floor ${row.floor.ms.toFixed(0).padStart(5)} ms ${mib(row.floor.rssBytes).padStart(7)}  ` +
        `ratio ${row.ratio.toFixed(2)}× (cold ${row.coldRatio.toFixed(2)}×)`,
    );
  }
  console.log(
    'obs build --watch: median time from saving a changed definition to its summary line',
  );
  for (const row of rows.filter((r) => r.watchMs !== undefined)) {
    const ratio = row.watchMs! / row.floor.ms;
    console.log(
      `  ${row.name.padEnd(26)} ${row.watchMs!.toFixed(0).padStart(6)} ms  (${ratio.toFixed(2)}× the floor)`,
    );
  }
  console.log('where the time of each rebuild and cold build went:');
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(26)} rebuild: ${stageBreakdown(row.build)}`);
    console.log(`  ${''.padEnd(26)} cold:    ${stageBreakdown(row.cold)}`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runBuildBench();
