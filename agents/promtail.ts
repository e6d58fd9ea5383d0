/**
 * Promtail configs: one per catalog service and environment, so adding a service to the catalog
 * adds its agent. `out/agents/promtail/<env>/<service>.yaml`; run with `-config.expand-env=true`.
 */
import { catalog } from '../platform/catalog.ts';
import { environments } from '../platform/environments.ts';
import { promtailConfig } from '../src/builders/index.ts';
import { shipping } from './lib/shipping.ts';

export default () =>
  catalog.services.flatMap((service) =>
    environments.map((environment) => promtailConfig(shipping(service, environment))),
  );
