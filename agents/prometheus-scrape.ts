/**
 * The Prometheus scrape configuration: one job per catalog service, one target group per
 * environment listing every instance, so adding a service (or a replica) to the catalog adds
 * its targets. Written to `out/prometheus/prometheus.yml`, beside the `rules/` folder it loads.
 *
 * Target labels: `service`, `team` and `env` are set here; `job` (the service name) and
 * `instance` (`host:port`) come from Prometheus. The kit sets none of them on its metrics.
 */
import { catalog } from '../platform/catalog.ts';
import { environments } from '../platform/environments.ts';
import type { Service } from '../src/model/catalog.ts';
import type { Environment } from '../src/model/environment.ts';
import { plainResource } from '../src/builders/index.ts';

/**
 * Instance hosts: loopback for `local` (one of each), elsewhere
 * `<service>-<n>.<env>.virtualpet.internal` for n = 1 … replicas.
 */
export function instanceTargets(service: Service, environment: Environment): string[] {
  if (environment.name === 'local') return [`127.0.0.1:${service.port}`];
  return Array.from(
    { length: service.replicas },
    (_, index) =>
      `${service.name}-${index + 1}.${environment.name}.virtualpet.internal:${service.port}`,
  );
}

/** The scrape job of one service. */
export function scrapeJob(service: Service) {
  return {
    job_name: service.name,
    metrics_path: '/metrics',
    scheme: 'http',
    static_configs: environments.map((environment) => ({
      targets: instanceTargets(service, environment),
      labels: { service: service.name, team: service.team, env: environment.name },
    })),
  };
}

/**
 * Alertmanagers this Prometheus notifies: those of environments whose Alertmanager takes alerts
 * directly (`files` mode). Environments on the Mimir Alertmanager get theirs from the Mimir ruler.
 */
function alertmanagerTargets(): string[] {
  return environments
    .filter((environment) => environment.alertmanager.mode === 'files')
    .map((environment) => new URL(environment.alertmanager.url).host);
}

export default plainResource({
  kind: 'scrape-config',
  target: 'prometheus',
  id: 'prometheus',
  title: 'Prometheus scrape configuration',
  body: {
    global: {
      scrape_interval: '15s',
      scrape_timeout: '10s',
      evaluation_interval: '30s',
      external_labels: { platform: catalog.platform },
    },
    rule_files: ['rules/*.yaml'],
    alerting: { alertmanagers: [{ static_configs: [{ targets: alertmanagerTargets() }] }] },
    scrape_configs: catalog.services.map(scrapeJob),
  },
});
