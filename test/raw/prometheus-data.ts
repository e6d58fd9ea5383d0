/**
 * A real Prometheus holding known data: samples written as OpenMetrics, turned into a TSDB block
 * by `promtool tsdb create-blocks-from openmetrics` in the data folder before Prometheus starts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { binary } from '../helpers/binaries.ts';
import { startPrometheus, type RunningServer } from '../helpers/servers.ts';

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
  const now = Math.floor(Date.now() / 1000);
  const server = await startPrometheus({
    config: `global:\n  scrape_interval: 15s\n  evaluation_interval: 1s\n${options.config ?? ''}`,
    ...(options.files ? { files: options.files } : {}),
    prepare: (dir) => {
      fs.writeFileSync(
        path.join(dir, 'data.om'),
        openMetrics(options.series, now, options.minutes),
      );
      execFileSync(binary('promtool'), [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        path.join(dir, 'data.om'),
        path.join(dir, 'data'),
      ]);
    },
  });
  return { ...server, now };
}
