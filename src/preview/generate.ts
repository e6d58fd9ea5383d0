/** `obs preview` as a library: read `out/`, optionally fetch live data, write the page. */
import fs from 'node:fs';
import path from 'node:path';
import { readDashboards } from '../raw/dashboards.ts';
import type { Endpoint } from '../raw/http.ts';
import type { TimeRange } from '../raw/time-range.ts';
import { fetchLiveData } from './live.ts';
import { previewPage } from './page.ts';

/** Where to read, where to write, and where live data comes from. */
export interface PreviewOptions {
  root: string;
  outDir: string;
  /** The HTML file to write. */
  file: string;
  live?: {
    endpoint: Endpoint;
    range: TimeRange;
    scrapeInterval: number;
    values: Record<string, string>;
  };
}

/** What was written, for the summary line. */
export interface PreviewResult {
  file: string;
  bytes: number;
  dashboards: number;
  panels: number;
  /** Panels that show live data problems (queries refused, variables missing). */
  problems: number;
}

/** Generate and write the preview page. */
export async function generatePreview(options: PreviewOptions): Promise<PreviewResult> {
  const dashboards = readDashboards(options.outDir, options.root);
  const data = options.live ? await fetchLiveData(dashboards, options.live) : undefined;
  const html = previewPage({
    dashboards,
    live:
      options.live && data
        ? { data, range: options.live.range, source: options.live.endpoint.url }
        : undefined,
  });

  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const temporary = `${options.file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, html);
  fs.renameSync(temporary, options.file);
  return {
    file: options.file,
    bytes: Buffer.byteLength(html),
    dashboards: dashboards.length,
    panels: dashboards.reduce((n, d) => n + d.panels.filter((p) => p.type !== 'row').length, 0),
    problems: data ? [...data.values()].filter((d) => d.problems.length).length : 0,
  };
}
