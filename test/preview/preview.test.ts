/**
 * `obs preview` opened in headless Chromium: every dashboard of out/ renders on its grid with
 * no console error and no request; with a Prometheus URL, panels draw live series. Screenshots
 * are kept in test-artifacts/ (git-ignored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDashboards } from '../../src/raw/dashboards.ts';
import { repoRoot } from '../../src/model/source.ts';
import { skipWithout } from '../helpers/binaries.ts';
import { runCli } from '../helpers/project.ts';
import { freePort, type RunningServer } from '../helpers/servers.ts';
import { startPrometheusWithData } from '../raw/prometheus-data.ts';
import { launchChromium, openFile } from './browser.ts';

const artifacts = path.join(repoRoot, 'test-artifacts');
const outDir = path.join(repoRoot, 'out');
/** What "small enough to attach to a pull request" means here. */
const maxBytes = 1024 * 1024;

describe.skipIf(skipWithout('chromium'))('obs preview in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-preview-'));
    fs.mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders every dashboard of out/ with its panels, no console error, no request', async () => {
    const file = path.join(dir, 'index.html');
    const run = runCli(repoRoot, ['preview', '--file', file, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { bytes: number; dashboards: number; panels: number };
    const dashboards = readDashboards(outDir, repoRoot);
    expect(dashboards.length).toBeGreaterThan(0);
    expect(result.dashboards).toBe(dashboards.length);
    expect(result.bytes).toBe(fs.statSync(file).size);
    expect(result.bytes).toBeLessThan(maxBytes);

    const { page, errors, requests } = await openFile(browser, file);
    for (const dashboard of dashboards) {
      const section = page.locator(`section.dashboard[data-uid="${dashboard.uid}"]`);
      await expect(section.locator('h2').textContent()).resolves.toBe(dashboard.title);
      const panels = dashboard.panels.filter((p) => p.type !== 'row');
      expect(await section.locator('article.panel').count(), dashboard.uid).toBe(panels.length);
      // Each panel box is on the grid: visible, with a non-zero size.
      for (const [index, panel] of panels.entries()) {
        const box = await section.locator('article.panel').nth(index).boundingBox();
        expect(box && box.width > 20 && box.height > 20, `${dashboard.uid} ${panel.title}`).toBe(
          true,
        );
      }
    }
    await page.screenshot({ path: path.join(artifacts, 'preview.png'), fullPage: false });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows a panel title, type, unit and its query text, placed by gridPos', async () => {
    const [dashboard] = readDashboards(outDir, repoRoot);
    const panel = dashboard!.panels.find((p) => p.type !== 'row' && p.unit && p.targets.length)!;
    const file = path.join(dir, 'panel.html');
    expect(runCli(repoRoot, ['preview', '--file', file]).status).toBe(0);
    const { page } = await openFile(browser, file);
    const article = page
      .locator(`section.dashboard[data-uid="${dashboard!.uid}"] article.panel`)
      .filter({ has: page.locator('h4', { hasText: panel.title }) })
      .first();
    await expect(article.locator('.type').textContent()).resolves.toBe(panel.type);
    await expect(article.locator('.unit').textContent()).resolves.toBe(panel.unit);
    await expect(article.locator('code').first().textContent()).resolves.toBe(
      panel.targets[0]!.expr,
    );
    const style = await article.getAttribute('style');
    expect(style).toContain(`grid-column:${panel.gridPos.x + 1} / span ${panel.gridPos.w}`);
    expect(style).toContain(`grid-row:${panel.gridPos.y + 1} / span ${panel.gridPos.h}`);
  });

  it('writes the same bytes twice without live data', () => {
    const a = path.join(dir, 'a.html');
    const b = path.join(dir, 'b.html');
    expect(runCli(repoRoot, ['preview', '--file', a]).status).toBe(0);
    expect(runCli(repoRoot, ['preview', '--file', b]).status).toBe(0);
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
  });

  it('exits 4 naming the URL when the live-data Prometheus is down', async () => {
    const port = await freePort();
    const run = runCli(repoRoot, [
      'preview',
      '--file',
      path.join(dir, 'down.html'),
      '--prometheus-url',
      `http://127.0.0.1:${port}`,
      '--var',
      'env=test',
    ]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain(`failed: connection refused`);
    expect(run.stderr).toContain(`url: http://127.0.0.1:${port}/api/v1/query_range`);
    expect(fs.existsSync(path.join(dir, 'down.html'))).toBe(false);
  });
});

describe.skipIf(skipWithout('chromium', 'prometheus', 'promtool'))(
  'obs preview with live data',
  () => {
    let browser: Browser;
    let prometheus: RunningServer;
    let dir: string;

    beforeAll(async () => {
      const labels = (route: string, status: string) => ({
        service: 'pets',
        env: 'test',
        instance: 'pets-1:8080',
        job: 'pets',
        route,
        method: 'GET',
        status_class: status,
      });
      [browser, prometheus] = await Promise.all([
        launchChromium(),
        startPrometheusWithData({
          minutes: 60,
          series: [
            {
              name: 'http_server_requests_total',
              type: 'counter',
              labels: labels('/pets', '2xx'),
              value: (t) => t + (t * t) / 3600,
            },
            {
              name: 'http_server_requests_total',
              type: 'counter',
              labels: labels('/pets/:id', '2xx'),
              value: (t) => t / 2,
            },
            {
              name: 'http_server_requests_total',
              type: 'counter',
              labels: labels('/pets', '5xx'),
              value: (t) => t / 20,
            },
          ],
        }),
      ]);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-preview-live-'));
    });
    afterAll(async () => {
      await browser?.close();
      await prometheus?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("draws the pets service's request series from Prometheus into the page", async () => {
      const file = path.join(dir, 'live.html');
      const run = runCli(repoRoot, [
        'preview',
        '--file',
        file,
        '--prometheus-url',
        prometheus.url,
        '--var',
        'env=test',
        '--since',
        '50m',
        '--json',
      ]);
      expect(run.status, run.stderr).toBe(0);
      const { bytes } = JSON.parse(run.stdout) as { bytes: number };
      expect(bytes).toBeLessThan(maxBytes);

      const { page, errors, requests } = await openFile(browser, file);
      const pets = page.locator('section.dashboard[data-uid="svc-pets"]');
      const drawn = pets.locator('article.panel').filter({ has: page.locator('svg polyline') });
      expect(await drawn.count()).toBeGreaterThan(0);
      await expect(pets.locator('.legend').first().textContent()).resolves.toMatch(/\S/);
      await expect(page.locator('body > header p').textContent()).resolves.toContain(
        `live data from ${prometheus.url}`,
      );
      await pets.scrollIntoViewIfNeeded();
      await pets.screenshot({ path: path.join(artifacts, 'preview-live-svc-pets.png') });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    });
  },
);
