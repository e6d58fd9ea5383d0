/**
 * The Prometheus scrape configuration: one job per catalog service, one target group per
 * environment listing every instance, so adding a service (or a replica) to the catalog adds
 * its targets. Written to `out/prometheus/prometheus.yml`, beside the `rules/` folder it loads.
 *
 * Target labels: `service`, `team` and `env` are set here; `job` (the service name) and
 * `instance` (`host:port`) come from Prometheus. The kit sets none of them on its metrics.
 * Beside the services: node_exporter on every service host, kafka_exporter and the Kafka JMX
 * exporter, and Alertmanager itself; the dashboards and alerts query their metrics.
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

/** `<name>.<env>.virtualpet.internal:<port>`, or loopback for `local`. */
function host(name: string, environment: Environment, port: number): string {
  return environment.name === 'local'
    ? `127.0.0.1:${port}`
    : `${name}.${environment.name}.virtualpet.internal:${port}`;
}

/** Ports of the exporters running beside the services and brokers. */
export const exporterPorts = { node: 9100, kafkaExporter: 9308, kafkaJmx: 7071 } as const;

/**
 * node_exporter on every service host, labelled with the host's service so the resource
 * dashboards and alerts can compare a host with its service's limits.
 */
function nodeJob() {
  return {
    job_name: 'node',
    static_configs: catalog.services.flatMap((service) =>
      environments.map((environment) => ({
        targets: instanceTargets(service, environment).map((target) =>
          target.replace(/:\d+$/, `:${exporterPorts.node}`),
        ),
        labels: { service: service.name, team: service.team, env: environment.name },
      })),
    ),
  };
}

/** kafka_exporter (one per environment) and the JMX exporter on every broker. */
function kafkaJobs() {
  const brokers = catalog.kafka?.brokers ?? 1;
  return [
    {
      job_name: 'kafka-exporter',
      static_configs: environments.map((environment) => ({
        targets: [host('kafka-exporter', environment, exporterPorts.kafkaExporter)],
        labels: { env: environment.name },
      })),
    },
    {
      job_name: 'kafka-jmx',
      static_configs: environments.map((environment) => ({
        targets:
          environment.name === 'local'
            ? [host('kafka', environment, exporterPorts.kafkaJmx)]
            : Array.from({ length: brokers }, (_, index) =>
                host(`kafka-${index + 1}`, environment, exporterPorts.kafkaJmx),
              ),
        labels: { env: environment.name },
      })),
    },
  ];
}

/** Alertmanager's own metrics, so failed notifications can raise an alert. */
function alertmanagerJob() {
  return {
    job_name: 'alertmanager',
    static_configs: environments
      .filter((environment) => environment.alertmanager.mode === 'files')
      .map((environment) => ({
        targets: [new URL(environment.alertmanager.url).host],
        labels: { env: environment.name },
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
    scrape_configs: [
      ...catalog.services.map(scrapeJob),
      nodeJob(),
      ...kafkaJobs(),
      alertmanagerJob(),
    ],
  },
});
