/**
 * Broken definitions, part 3: cross references that need datasource and folder resources in the
 * build (a project of their own, since without any such resources the checks stand down).
 */
import type { BrokenCase } from './fixtures.ts';

export const xrefCases: BrokenCase[] = [
  {
    name: 'xref/datasource and xref/folder: defined resources',
    file: 'dashboards/datasources.ts',
    code: `export default [
  plainResource({ kind: 'datasource', target: 'grafana', id: 'vp-prometheus', body: { name: 'Prometheus', type: 'prometheus', uid: 'vp-prometheus', access: 'proxy', url: 'http://prometheus:9090' } }),
  plainResource({ kind: 'datasource', target: 'grafana', id: 'vp-loki', body: { name: 'Loki', type: 'loki', uid: 'vp-loki', access: 'proxy', url: 'http://loki:3100' } }),
  plainResource({ kind: 'folder', target: 'grafana', id: 'services', title: 'Services', body: { uid: 'services', title: 'Services' } }),
];`,
    expected: [],
  },
  {
    name: 'xref/datasource: a panel datasource uid that is not defined',
    file: 'dashboards/datasource-typo.ts',
    code: `export default dashboard('Datasource typo').folder('Services')
  .withPanel(timeseries('Up').datasource({ type: 'prometheus', uid: 'vp-prometeus' }).unit('short').withTarget(promQuery('up')));`,
    expected: [
      [
        'xref/datasource',
        2,
        'datasource uid `vp-prometeus` is not defined by any datasource resource',
      ],
    ],
  },
  {
    name: 'xref/folder: a dashboard in a folder nobody defines',
    file: 'dashboards/folder-missing.ts',
    code: `export default dashboard('Folder missing').folder('Servcies')
  .withPanel(graph('Up', 'up'));`,
    expected: [
      ['xref/folder', 1, 'is placed in folder `Servcies`, which no folder resource defines'],
    ],
  },
  {
    name: 'xref/duplicate-uid: a dashboard with a folder uid',
    file: 'dashboards/duplicate-uid.ts',
    code: `export default dashboard('Same as folder').uid('services').folder('Services')
  .withPanel(graph('Up', 'up'));`,
    expected: [
      [
        'xref/duplicate-uid',
        1,
        'uid `services` is already used by folder services (dashboards/datasources.ts:11)',
      ],
    ],
  },
  {
    name: 'alert/for-too-short: against the scrape interval the build configures',
    file: 'alerts/slow-scrape.ts',
    code: `export default [
  plainResource({ kind: 'scrape-config', target: 'prometheus', id: 'prometheus', body: {
    global: { scrape_interval: '1m', evaluation_interval: '1m' },
    scrape_configs: [{ job_name: 'pets', static_configs: [{ targets: ['pets:8080'] }] }],
  } }),
  prometheusRuleGroup('slow-scrape').namespace('slow-scrape').withRule(ok(alertRule('Down').expr('up == 0')).for('1m')),
];`,
    expected: [
      [
        'alert/for-too-short',
        6,
        'alert `Down` `for: 1m` is shorter than two scrape intervals (2m)',
      ],
    ],
  },
];
