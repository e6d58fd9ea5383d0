/**
 * A real Prometheus holding known data: samples written as OpenMetrics, turned into a TSDB block
 * by `promtool tsdb create-blocks-from openmetrics` in the data folder before Prometheus starts
 * (the shared `startPrometheus` creates its data folder itself, so it cannot be pre-filled).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binary } from '../helpers/binaries.ts';
import { eventually, freePort, type RunningServer } from '../helpers/servers.ts';

/** One sample every 15 s (the scrape interval) over the last `minutes` minutes. */
export interface KnownSeries {
  name: string;
  type: 'counter' | 'gauge';
  labels: Record<string, string>;
  /** Value at `t` seconds after the first sample. */
  value(t: number): number;
}

/** Samples as OpenMetrics text, one family per metric name, ending before `now`. */
export function openMetrics(series: KnownSeries[], now: number, minutes: number): string {
  const lines: string[] = [];
  const names = [...new Set(series.map((s) => s.name))];
  const first = Math.floor(now / 60) * 60 - minutes * 60;
  for (const name of names) {
    const family = series.filter((s) => s.name === name);
    lines.push(`# TYPE ${name.replace(/_total$/, '')} ${family[0]!.type}`);
    for (let t = 0; t < minutes * 60; t += 15) {
      for (const s of family) {
        const labels = Object.entries(s.labels)
          .map(([k, v]) => `${k}="${v}"`)
          .join(',');
        lines.push(`${name}{${labels}} ${s.value(t)} ${first + t}`);
      }
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

export interface PrometheusWithDataOptions {
  series: KnownSeries[];
  minutes: number;
  /** Extra prometheus.yml content after `global:` (rule_files …). */
  config?: string;
  files?: Record<string, string>;
}

/** Start Prometheus on a free port with `series` already in its TSDB. */
export async function startPrometheusWithData(
  options: PrometheusWithDataOptions,
): Promise<RunningServer & { now: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-prom-data-'));
  const now = Math.floor(Date.now() / 1000);
  fs.writeFileSync(path.join(dir, 'data.om'), openMetrics(options.series, now, options.minutes));
  execFileSync(binary('promtool'), [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    path.join(dir, 'data.om'),
    path.join(dir, 'data'),
  ]);
  const config = `global:\n  scrape_interval: 15s\n  evaluation_interval: 1s\n${options.config ?? ''}`;
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), config);
  for (const [file, content] of Object.entries(options.files ?? {})) {
    fs.writeFileSync(path.join(dir, file), content);
  }

  // freePort() closes the port before Prometheus binds it, so another suite's server may take it
  // first; then /-/ready answers for that server. Check the answer is ours, else try again.
  let started: { child: ChildProcess; url: string; port: number; output: () => string } | undefined;
  for (let attempt = 0; !started && attempt < 3; attempt++) {
    started = await launch(dir);
  }
  if (!started) throw new Error('could not start Prometheus on a free port in 3 attempts');
  const { child, url, port, output } = started;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, dir, now, logs: output, stop };
}

async function launch(dir: string) {
  const port = await freePort();
  const dataDir = path.join(dir, 'data');
  const child = spawn(
    binary('prometheus'),
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const ours = await eventually(
    async () => {
      if (child.exitCode !== null) return false;
      const flags = await fetch(`${url}/api/v1/status/flags`);
      if (!flags.ok) return undefined;
      const body = (await flags.json()) as { data: Record<string, string> };
      return body.data['storage.tsdb.path'] === dataDir && (await fetch(`${url}/-/ready`)).ok
        ? true
        : child.exitCode !== null
          ? false
          : undefined;
    },
    20_000,
    `Prometheus at ${url} to be ready:\n${output}`,
  );
  if (!ours) {
    child.kill('SIGKILL');
    return undefined;
  }
  return { child, url, port, output: () => output };
}
