/**
 * Structural checks on every dashboard of the real build: the grid, datasources, variables,
 * links, descriptions, units and thresholds that make a dashboard usable without editing it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { dashboardUids, serviceDashboardUid } from '../../src/conventions/dashboards.ts';
import { panelsOf } from '../../src/validate/dashboard-walk.ts';
import {
  dataPanels,
  gridProblems,
  linkUrls,
  loadBuild,
  queryTexts,
  variablesIn,
  type Build,
} from './fixtures.ts';

let build: Build;

beforeAll(async () => {
  build = await loadBuild();
  expect(build.diagnostics).toEqual([]);
});

/** Panel types whose values are numbers and so need a unit. */
const numeric = new Set(['timeseries', 'stat', 'gauge', 'bargauge', 'heatmap']);

describe('dashboards of the build', () => {
  it('include the platform dashboards and one per catalog service', () => {
    const ids = build.dashboards.map((d) => d.id).sort();
    const expected = [
      ...Object.values(dashboardUids),
      ...catalog.services.map((s) => serviceDashboardUid(s.name)),
    ].sort();
    expect(ids).toEqual(expected);
  });

  it('are plain JSON data: no functions or undefined values that a file would mangle', () => {
    for (const { id, body } of build.dashboards) {
      expect(JSON.parse(JSON.stringify(body)), id).toStrictEqual(body);
    }
  });

  it('have no overlapping panels and stay inside the 24-column grid', () => {
    const problems = build.dashboards.flatMap(({ id, body }) =>
      gridProblems(body).map((p) => `${id} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('use only datasources the datasource resources define, on panels and queries', () => {
    const defined = new Set(build.datasources.map((d) => d.body.uid));
    expect(defined.size).toBe(4);
    const problems: string[] = [];
    for (const { id, body } of build.dashboards) {
      for (const { panel, path } of dataPanels(body)) {
        const uids = [
          panel.datasource?.uid,
          ...(panel.targets ?? []).map((t) => t.datasource?.uid),
        ];
        if (!panel.datasource?.uid) problems.push(`${id} ${path}: no datasource`);
        for (const uid of uids)
          if (uid && !defined.has(uid)) problems.push(`${id} ${path}: ${uid}`);
      }
      for (const variable of body.templating?.list ?? []) {
        const uid = (variable.datasource as { uid?: string } | undefined)?.uid;
        if (uid && !defined.has(uid)) problems.push(`${id} variable ${variable.name}: ${uid}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('define every variable their queries and links use', () => {
    const problems: string[] = [];
    for (const { id, body } of build.dashboards) {
      const defined = new Set((body.templating?.list ?? []).map((v) => v.name));
      const texts = [
        ...queryTexts(body),
        ...linkUrls(body).map((l) => ({ where: l.where, text: l.url })),
      ];
      for (const { where, text } of texts) {
        for (const name of variablesIn(text)) {
          if (!defined.has(name)) problems.push(`${id} ${where}: $${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('link only to dashboards that exist', () => {
    const uids = new Set(build.dashboards.map((d) => d.id));
    const serviceUids = catalog.services.map((s) => serviceDashboardUid(s.name));
    const problems: string[] = [];
    let checked = 0;
    for (const { id, body } of build.dashboards) {
      for (const { where, url } of linkUrls(body)) {
        const match = /^\/d\/([^/?]+)/.exec(url);
        if (!match) continue;
        checked += 1;
        const uid = match[1]!;
        // A data link to "the service in this cell" resolves for every catalog service.
        const targets = uid.includes('${__data.fields.service}')
          ? serviceUids.map((s) => uid.replace('${__data.fields.service}', s.replace(/^svc-/, '')))
          : [uid];
        for (const target of targets) {
          if (!uids.has(target)) problems.push(`${id} ${where}: /d/${target}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('link overview, service, Kafka, event flow and errors dashboards to each other', () => {
    const linksOf = (uid: string) =>
      new Set(
        linkUrls(build.dashboards.find((d) => d.id === uid)!.body)
          .map((l) => /^\/d\/([^/?]+)/.exec(l.url)?.[1])
          .filter(Boolean),
      );
    const main = [
      dashboardUids.overview,
      dashboardUids.kafka,
      dashboardUids.eventFlow,
      dashboardUids.errors,
    ];
    for (const from of [...main, serviceDashboardUid('pets')]) {
      for (const to of main.filter((uid) => uid !== from)) expect(linksOf(from)).toContain(to);
    }
    for (const service of catalog.services) {
      expect(linksOf(dashboardUids.overview)).toContain(serviceDashboardUid(service.name));
    }
  });

  it('locate every panel at the line that made it, not at a shared helper', () => {
    const helpers = ['dashboards/lib/section.ts', 'dashboards/lib/panels.ts'];
    const problems: string[] = [];
    for (const { id, body, sources } of build.dashboards) {
      for (const { panel, path } of panelsOf(body)) {
        if (panel.type === 'row') continue;
        const at = sources?.[path];
        if (!at || helpers.includes(at.file) || !at.file.startsWith('dashboards/')) {
          problems.push(`${id} ${path}: ${at ? `${at.file}:${at.line}` : 'no source'}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describe every panel that has queries in one line', () => {
    const problems: string[] = [];
    for (const { id, body } of build.dashboards) {
      for (const { panel, path } of dataPanels(body)) {
        if (!panel.targets?.length) continue;
        const text = panel.description ?? '';
        if (!text.trim() || text.includes('\n') || text.length > 120) {
          problems.push(`${id} ${path} "${panel.title}": ${JSON.stringify(text)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give every numeric panel a unit and thresholds', () => {
    const problems: string[] = [];
    for (const { id, body } of build.dashboards) {
      for (const { panel, path } of dataPanels(body)) {
        if (!numeric.has(panel.type ?? '')) continue;
        const defaults = panel.fieldConfig?.defaults as
          { unit?: string; thresholds?: { steps?: unknown[] } } | undefined;
        if (!defaults?.unit) problems.push(`${id} ${path} "${panel.title}": no unit`);
        if (!defaults?.thresholds?.steps?.length) {
          problems.push(`${id} ${path} "${panel.title}": no thresholds`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('filter every Prometheus and Loki panel query by the environment', () => {
    const problems: string[] = [];
    for (const { id, body } of build.dashboards) {
      for (const q of queryTexts(body)) {
        if (q.language !== 'prometheus' && q.language !== 'loki') continue;
        // Alerts are per alert, not per environment: ALERTS carries whatever labels rules set.
        if (q.text.includes('ALERTS{')) continue;
        if (!q.text.includes('env="$env"')) problems.push(`${id} ${q.where}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('use $__rate_interval for every rate on a dashboard', () => {
    const problems: string[] = [];
    for (const { id, body } of build.dashboards) {
      for (const q of queryTexts(body)) {
        if (q.language !== 'prometheus') continue;
        for (const m of q.text.matchAll(/\b(?:rate|irate)\([^[]*\[([^\]]+)\]/g)) {
          if (m[1] !== '$__rate_interval') problems.push(`${id} ${q.where}: [${m[1]}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the structural checks themselves', () => {
  it('find overlapping and overflowing panels', () => {
    const panel = (x: number, y: number, w: number, h: number) => ({ gridPos: { x, y, w, h } });
    const body = { panels: [panel(0, 0, 12, 8), panel(8, 4, 8, 8), panel(20, 20, 8, 2)] };
    expect(gridProblems(body)).toEqual([
      'panels[0] overlaps panels[1]',
      'panels[2]: outside the grid {"x":20,"y":20,"w":8,"h":2}',
    ]);
  });

  it('find variables in every spelling and skip Grafana built-ins', () => {
    const text =
      'rate(x{a="$env", b=~"${instance:regex}", c="[[topic]]"}[$__rate_interval]) ${__data.fields.service}';
    expect(variablesIn(text)).toEqual(['env', 'instance', 'topic']);
  });
});
