/**
 * Errors, for people who are not log experts: which services fail, with what kind of error,
 * which errors are most frequent and newest, whether a deploy started them, and one click from
 * an error to its log lines and trace. Built from the structured logs (`| json`).
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import { catalog } from '../platform/catalog.ts';
import type { Catalog } from '../src/model/catalog.ts';
import { lokiDs, prometheusDs } from '../src/conventions/datasources.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { logFields } from '../src/conventions/log-fields.ts';
import {
  dashboard,
  lokiQuery,
  promQuery,
  re,
  type DashboardDefinition,
  logs,
  stat,
  table,
  text,
  timeseries,
} from '../src/builders/index.ts';
import { deployAnnotation } from './lib/annotations.ts';
import { dashboardLink, navigationLinks } from './lib/links.ts';
import { countBy, errorLineFormat, errorLines } from './lib/logql.ts';
import { withSections, type Section } from './lib/section.ts';
import { call } from './lib/text.ts';
import { signals } from './lib/signals.ts';
import { above, anyIsBad, neutral } from './lib/thresholds.ts';
import { envVariable, serviceVariable } from './lib/variables.ts';

const f = logFields;
const lines = errorLines('$service');
const fingerprintKeys = ['service', f.errorType, f.errorFingerprint];

function glanceSection(): Section {
  const total = (labels: string[]) => call('count', countBy(labels, lines, '$__range'));
  return {
    title: 'At a glance',
    panels: [
      stat('Error lines')
        .description('Error and fatal log lines in the time range, all selected services.')
        .datasource(lokiDs)
        .unit('short')
        .span(6)
        .thresholds(anyIsBad())
        .withTarget(lokiQuery(countBy([], lines, '$__range')).queryType('instant')),
      stat('Services with errors')
        .description('How many services logged at least one error in the time range.')
        .datasource(lokiDs)
        .unit('short')
        .span(6)
        .thresholds(anyIsBad())
        .withTarget(lokiQuery(total(['service'])).queryType('instant')),
      stat('Distinct errors')
        .description('Different error fingerprints (one per distinct problem) in the range.')
        .datasource(lokiDs)
        .unit('short')
        .span(6)
        .thresholds(above(1, 10))
        .withTarget(lokiQuery(total([f.errorFingerprint])).queryType('instant')),
      text(
        'How to read this page',
        `A **fingerprint** groups identical errors. Click a row of a table to see its log lines;
        in a line's details, **Open trace** shows the request that failed.`,
      )
        .description('What fingerprints are and how to follow an error.')
        .span(6),
    ],
  };
}

function trendSection(): Section {
  const http = signals['http-api'];
  return {
    title: 'Errors over time (purple marks are deploys)',
    panels: [
      timeseries('Errors by service')
        .description('Error and fatal log lines per interval, by service.')
        .datasource(lokiDs)
        .unit('short')
        .thresholds(above(1, 10))
        .withTarget(lokiQuery(countBy(['service'], lines), '{{service}}')),
      timeseries('Errors by type')
        .description(`Error lines per interval, by \`${f.errorType}\`.`)
        .datasource(lokiDs)
        .unit('short')
        .thresholds(above(1, 10))
        .withTarget(
          lokiQuery(countBy(['service', f.errorType], lines), '{{service}} {{error_type}}'),
        ),
      timeseries('HTTP error ratio by service')
        .description('Share of requests answered with 5xx, to compare with deploys.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.01, 0.05))
        .withTarget(
          promQuery(
            http.failureRatio({ service: re('$service'), env: '$env' }, ['service']),
            '{{service}}',
          ),
        ),
    ],
  };
}

/** A table of error fingerprints counted over `window`, each row linking to its logs. */
function fingerprintTable(title: string, description: string, window: string) {
  const toLogs = dashboardLink(
    'Show these log lines',
    dashboardUids.logs,
    `var-env=\${env}&var-service=\${__data.fields.service}&var-level=error&var-level=fatal&var-search=\${__data.fields.${f.errorFingerprint}}&\${__url_time_range}`,
  );
  return table(title)
    .description(description)
    .datasource(lokiDs)
    .unit('short')
    .thresholds(neutral())
    .sortBy([new common.TableSortByFieldStateBuilder().displayName('Errors').desc(true)])
    .dataLinks([toLogs])
    .transformations([
      { id: 'merge', options: {} },
      {
        id: 'organize',
        options: {
          excludeByName: { Time: true },
          renameByName: { 'Value #A': 'Errors', Value: 'Errors' },
        },
      },
    ])
    .withTarget(
      lokiQuery(call('topk', `20,\n${countBy(fingerprintKeys, lines, window)}`)).queryType(
        'instant',
      ),
    );
}

function topSection(): Section {
  return {
    title: 'Which errors',
    panels: [
      fingerprintTable(
        'Most frequent errors',
        'Error fingerprints by count over the time range; click one for its logs.',
        '$__range',
      ),
      fingerprintTable(
        'Newest errors (last 15 minutes)',
        'Error fingerprints seen in the last 15 minutes; click one for its logs.',
        '15m',
      ),
      logs('Latest error lines')
        .description('Newest error lines; expand one and click Open trace to see the request.')
        .datasource(lokiDs)
        .withTarget(lokiQuery(`${lines}\n  ${errorLineFormat()}`)),
    ],
  };
}

/** The errors dashboard of a catalog. */
export function errorsDashboard(all: Catalog): DashboardDefinition {
  const board = dashboard('Errors')
    .uid(dashboardUids.errors)
    .tags(['virtual-pet', 'errors', 'logs'])
    .description('Errors from every service’s structured logs, readable without LogQL.')
    .withVariable(envVariable())
    .withVariable(serviceVariable(all.services.map((s) => s.name)))
    .annotation(deployAnnotation({ env: '$env', service: re('$service') }))
    .links(navigationLinks(dashboardUids.errors));
  return withSections(board, [glanceSection(), trendSection(), topSection()]);
}

export default () => errorsDashboard(catalog);
