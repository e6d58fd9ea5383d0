/** One dashboard per catalog service: adding a service to the catalog adds its dashboard. */
import { catalog } from '../platform/catalog.ts';
import type { Service } from '../src/model/catalog.ts';
import { prometheusDs } from '../src/conventions/datasources.ts';
import { serviceDashboardUid } from '../src/conventions/dashboards.ts';
import { dashboard, promQuery, row, timeseries } from '../src/builders/index.ts';
import { errorRatio, latency, requestRate } from './lib/red.ts';
import { envVariable, instanceVariable } from './lib/variables.ts';

/** The dashboard of one service. */
export function serviceDashboard(service: Service) {
  return dashboard(`${service.title}`)
    .uid(serviceDashboardUid(service.name))
    .folder('Services')
    .tags(['virtual-pet', 'service', service.name, `team-${service.team}`])
    .description(service.description)
    .withVariable(envVariable())
    .withVariable(instanceVariable(service.name))
    .withRow(row('Requests'))
    .withPanel(
      timeseries('Request rate')
        .description('Requests per second by route.')
        .datasource(prometheusDs)
        .unit('reqps')
        .withTarget(promQuery(requestRate(service.name, ['route']), '{{route}}')),
    )
    .withPanel(
      timeseries('Error ratio')
        .description('Share of requests answered with a 5xx status, by route.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .withTarget(promQuery(errorRatio(service.name, ['route']), '{{route}}')),
    )
    .withPanel(
      timeseries('Latency')
        .description('Request duration percentiles.')
        .datasource(prometheusDs)
        .unit('s')
        .withTarget(promQuery(latency(service.name, 0.5), 'p50'))
        .withTarget(promQuery(latency(service.name, 0.95), 'p95'))
        .withTarget(promQuery(latency(service.name, 0.99), 'p99')),
    );
}

export default () => catalog.services.map(serviceDashboard);
