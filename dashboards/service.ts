/**
 * One dashboard per catalog service, adapted to its kind: adding a service to the catalog adds
 * its dashboard. `serviceDashboards(catalog)` is a pure function of the catalog, so tests can
 * pass a modified one.
 */
import { catalog } from '../platform/catalog.ts';
import type { Catalog, Service } from '../src/model/catalog.ts';
import { serviceDashboardUid } from '../src/conventions/dashboards.ts';
import { dashboard, type DashboardDefinition } from '../src/builders/index.ts';
import { deployAnnotation } from './lib/annotations.ts';
import { navigationLinks } from './lib/links.ts';
import { serviceMatchers } from './lib/red.ts';
import { withSections, type Section } from './lib/section.ts';
import { headlineSection } from './lib/service/headline.ts';
import { dependenciesSection, requestsSection } from './lib/service/http.ts';
import { consumerSection } from './lib/service/consumer.ts';
import { jobsSection } from './lib/service/worker.ts';
import { kafkaSection } from './lib/service/kafka.ts';
import { saturationSection } from './lib/service/saturation.ts';
import { logsSection, tracesSection } from './lib/service/logs.ts';
import { envVariable, instanceVariable, levelVariable, searchVariable } from './lib/variables.ts';

/** The sections that describe the work of a service of each kind. */
function workSections(all: Catalog, service: Service): Section[] {
  switch (service.kind) {
    case 'http-api':
      return [requestsSection(service), dependenciesSection(service)];
    case 'kafka-consumer':
      return [consumerSection(all, service)];
    case 'worker':
      return [jobsSection(service)];
  }
}

/** The dashboard of one service. */
export function serviceDashboard(all: Catalog, service: Service): DashboardDefinition {
  const uid = serviceDashboardUid(service.name);
  const board = dashboard(service.title)
    .uid(uid)
    .folder('Services')
    .tags(['virtual-pet', 'service', service.kind, service.name, `team-${service.team}`])
    .description(`${service.description} (${service.kind}, team ${service.team})`)
    .withVariable(envVariable())
    .withVariable(instanceVariable(service.name))
    .withVariable(levelVariable())
    .withVariable(searchVariable())
    .annotation(deployAnnotation(serviceMatchers(service.name)))
    .links(navigationLinks(uid));
  return withSections(board, [
    headlineSection(service),
    ...workSections(all, service),
    kafkaSection(all, service),
    saturationSection(service),
    logsSection(service),
    tracesSection(service),
  ]);
}

/** Every service dashboard of a catalog. */
export function serviceDashboards(all: Catalog): DashboardDefinition[] {
  return all.services.map((service) => serviceDashboard(all, service));
}

export default () => serviceDashboards(catalog);
