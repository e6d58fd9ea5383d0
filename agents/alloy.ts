/**
 * Grafana Alloy configs, Promtail's successor, from the same model as `agents/promtail.ts`:
 * `out/agents/alloy/<env>/<service>.alloy`, with `loki.write`'s WAL (experimental).
 */
import { catalog } from '../platform/catalog.ts';
import { environments } from '../platform/environments.ts';
import { alloyConfig } from '../src/builders/index.ts';
import { shipping } from './lib/shipping.ts';

export default () =>
  catalog.services.flatMap((service) =>
    environments.map((environment) => alloyConfig(shipping(service, environment))),
  );
