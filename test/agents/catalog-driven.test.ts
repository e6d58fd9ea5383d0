/**
 * Agent configs are a function of the catalog: adding a service adds its Promtail and Alloy
 * configs in every environment, with its own log path; removing it removes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import promtailDefinitions from '../../agents/promtail.ts';
import alloyDefinitions from '../../agents/alloy.ts';
import { catalog } from '../../platform/catalog.ts';
import { environments } from '../../platform/environments.ts';
import type { Service } from '../../src/model/catalog.ts';

const newcomer: Service = {
  ...catalog.services[0]!,
  name: 'adoption-fair',
  title: 'Adoption fair',
  port: 8090,
  logPath: '/var/log/virtual-pet/adoption-fair/*.log',
  slos: [],
};

const ids = () =>
  [...promtailDefinitions(), ...alloyDefinitions()]
    .flatMap((d) => d.toResources())
    .map((r) => r.id);

afterEach(() => {
  const index = catalog.services.indexOf(newcomer);
  if (index >= 0) catalog.services.splice(index, 1);
});

describe('agent configs follow the catalog', () => {
  it('a new service gets a Promtail and an Alloy config in every environment', () => {
    const before = ids();
    catalog.services.push(newcomer);
    const after = ids();

    const added = after.filter((id) => !before.includes(id)).sort();
    expect(added).toEqual(
      environments
        .flatMap((e) => [
          `alloy/${e.name}/adoption-fair.alloy`,
          `promtail/${e.name}/adoption-fair.yaml`,
        ])
        .sort(),
    );
  });

  it('the new config tails the new service log path and labels it with its name', () => {
    catalog.services.push(newcomer);
    const resource = promtailDefinitions()
      .flatMap((d) => d.toResources())
      .find((r) => r.id === 'promtail/production/adoption-fair.yaml')!;
    const body = resource.body as {
      scrape_configs: { static_configs?: { labels: Record<string, string> }[] }[];
      server: { http_listen_port: number };
    };
    expect(body.scrape_configs[0]!.static_configs![0]!.labels).toEqual({
      service: 'adoption-fair',
      env: 'production',
      __path__: '/var/log/virtual-pet/adoption-fair/*.log',
    });
    expect(body.server.http_listen_port).toBe(18090);
    expect(resource.source.file).toMatch(/agents\/promtail\.ts$/);
  });
});
