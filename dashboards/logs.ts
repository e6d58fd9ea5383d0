/**
 * Logs across services for troubleshooting: search every service's log lines by service, level
 * and text, and see log volume by service and level. Stream labels only (service, env, level),
 * so the search stays fast; the text filter runs on the matched streams.
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import { catalog } from '../platform/catalog.ts';
import type { Catalog } from '../src/model/catalog.ts';
import { lokiDs } from '../src/conventions/datasources.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import {
  dashboard,
  lokiQuery,
  type DashboardDefinition,
  logs,
  timeseries,
} from '../src/builders/index.ts';
import { navigationLinks } from './lib/links.ts';
import { countBy, logStream, searchFilter } from './lib/logql.ts';
import { withSections, type Section } from './lib/section.ts';
import { neutral } from './lib/thresholds.ts';
import { envVariable, levelVariable, searchVariable, serviceVariable } from './lib/variables.ts';

const matching = `${logStream('$service', '$level')}\n  ${searchFilter()}`;

function volumeSection(): Section {
  const bars = (title: string, description: string, label: string) =>
    timeseries(title)
      .description(description)
      .datasource(lokiDs)
      .unit('short')
      .span(12)
      .drawStyle(common.GraphDrawStyle.Bars)
      .stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal))
      .thresholds(neutral())
      .withTarget(lokiQuery(countBy([label], matching), `{{${label}}}`));
  return {
    title: 'Log volume',
    panels: [
      bars('Volume by service', 'Matching log lines per interval, by service.', 'service'),
      bars('Volume by level', 'Matching log lines per interval, by level.', 'level'),
    ],
  };
}

function linesSection(): Section {
  return {
    title: 'Log lines',
    panels: [
      logs('Matching log lines')
        .description('Lines of the selected services and levels that contain the search text.')
        .datasource(lokiDs)
        .height(20)
        .withTarget(lokiQuery(matching).maxLines(1000)),
    ],
  };
}

/** The logs dashboard of a catalog. */
export function logsDashboard(all: Catalog): DashboardDefinition {
  const board = dashboard('Logs')
    .uid(dashboardUids.logs)
    .tags(['virtual-pet', 'logs'])
    .description('Search the logs of every service by service, level and text.')
    .withVariable(envVariable())
    .withVariable(serviceVariable(all.services.map((s) => s.name)))
    .withVariable(levelVariable())
    .withVariable(searchVariable())
    .links(navigationLinks(dashboardUids.logs));
  return withSections(board, [volumeSection(), linesSection()]);
}

export default () => logsDashboard(catalog);
