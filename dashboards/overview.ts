/** The landing page: every service's health at a glance, each row linking to its dashboard. */
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import { catalog } from '../platform/catalog.ts';
import { prometheusDs } from '../src/conventions/datasources.ts';
import {
  dashboardPath,
  dashboardUids,
  serviceDashboardUid,
} from '../src/conventions/dashboards.ts';
import { dashboard, promQuery, row, stat, timeseries } from '../src/builders/index.ts';
import { errorRatio, latency, requestRate, upRatio } from './lib/red.ts';
import { envVariable } from './lib/variables.ts';

const overview = dashboard('Virtual Pet overview')
  .uid(dashboardUids.overview)
  .tags(['virtual-pet', 'overview'])
  .description('Health of every Virtual Pet service; start here.')
  .withVariable(envVariable());

for (const service of catalog.services) {
  const link = new sdk.DashboardLinkBuilder(`${service.title} dashboard`)
    .type(sdk.DashboardLinkType.Link)
    .url(
      `${dashboardPath(serviceDashboardUid(service.name))}?\${__url_time_range}&var-env=\${env}`,
    );
  overview
    .withRow(row(service.title))
    .withPanel(
      stat('Up')
        .description('Share of instances Prometheus can scrape.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .links([link])
        .withTarget(promQuery(upRatio(service.name))),
    )
    .withPanel(
      timeseries('Requests')
        .description('Requests per second.')
        .datasource(prometheusDs)
        .unit('reqps')
        .withTarget(promQuery(requestRate(service.name), service.name)),
    )
    .withPanel(
      timeseries('Error ratio')
        .description('Share of requests answered with a 5xx status.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .withTarget(promQuery(errorRatio(service.name), service.name)),
    )
    .withPanel(
      timeseries('Latency p95')
        .description('95th percentile of request duration.')
        .datasource(prometheusDs)
        .unit('s')
        .withTarget(promQuery(latency(service.name, 0.95), 'p95')),
    );
}

export default overview;
