/**
 * The landing page: is the platform healthy, which service is not, are its SLOs holding, what
 * is firing, and how Kafka and the machines are doing. Every service links to its dashboard.
 */
import { catalog } from '../platform/catalog.ts';
import type { Catalog } from '../src/model/catalog.ts';
import { prometheusDs } from '../src/conventions/datasources.ts';
import {
  dashboardPath,
  dashboardUids,
  serviceDashboardUid,
} from '../src/conventions/dashboards.ts';
import { metricNames } from '../src/conventions/metrics.ts';
import {
  kafkaExporterNames,
  kafkaJmxNames,
  prometheusNames,
} from '../src/conventions/exporters.ts';
import {
  dashboard,
  promInstant,
  promQuery,
  rate,
  re,
  selector,
  sumBy,
  suppressed,
  type DashboardDefinition,
  barGauge,
  stat,
  table,
  text,
} from '../src/builders/index.ts';
import { navigationLinks, serviceDataLink, serviceLink } from './lib/links.ts';
import { envMatchers, serviceMatchers } from './lib/red.ts';
import { withSections, type Section } from './lib/section.ts';
import { anyKind } from './lib/signals.ts';
import { budgetLeft, sli, sloLabel } from './lib/slo.ts';
import { columnTransformations, type Column } from './lib/tables.ts';
import { call } from './lib/text.ts';
import { above, anyIsBad, below, neutral } from './lib/thresholds.ts';
import { envVariable } from './lib/variables.ts';

const env = envMatchers;

function platformSection(): Section {
  const firing = selector(prometheusNames.alerts, { alertstate: 'firing' });
  return {
    title: 'Platform',
    panels: [
      stat('Targets down')
        .description('Scrape targets of this environment that do not answer.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(`count(${selector(prometheusNames.up, env)} == 0) or vector(0)`)),
      stat('Work per second')
        .description('Requests, events and job runs handled per second by all services.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(
          promQuery(
            call(
              'sum',
              anyKind((s, m, by) => s.throughput(m, by), env),
            ),
          ),
        ),
      stat('HTTP error ratio')
        .description('Share of all HTTP requests answered with a 5xx status.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.01, 0.05))
        .withTarget(
          promQuery(
            `${sumBy([], rate(selector(metricNames.httpRequests, { ...env, status_class: '5xx' })))}\n/\n(${sumBy([], rate(selector(metricNames.httpRequests, env)))} > 0)`,
          ),
        ),
      stat('Firing alerts')
        .description('Alerts firing now in Prometheus, all environments.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(`count(${firing}) or vector(0)`)),
      stat('Kafka brokers')
        .description('Brokers in the Kafka cluster (kafka_exporter).')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(below(1, 1))
        .withTarget(promQuery(`sum(${selector(kafkaExporterNames.brokers, env)})`)),
      stat('Largest consumer lag')
        .description('Messages the most-behind consumer group is behind on one topic.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(100, 1000))
        .withTarget(
          promQuery(
            call(
              'max',
              sumBy(['consumergroup', 'topic'], selector(kafkaExporterNames.groupLagSum, env)),
            ),
          ),
        ),
    ],
  };
}

function servicesSection(all: Catalog): Section {
  const catalogServices = { ...env, service: re(all.services.map((s) => s.name).join('|')) };
  const columns: Column[] = [
    {
      header: 'Up',
      unit: 'percentunit',
      expr: `avg by (service) (${selector(prometheusNames.up, catalogServices)})`,
    },
    { header: 'Work/s', unit: 'ops', expr: anyKind((s, m, by) => s.throughput(m, by), env) },
    {
      header: 'Failure ratio',
      unit: 'percentunit',
      expr: anyKind((s, m, by) => s.failureRatio(m, by), env),
    },
    { header: 'p50', unit: 's', expr: anyKind((s, m, by) => s.latency(m, 0.5, by), env) },
    { header: 'p95', unit: 's', expr: anyKind((s, m, by) => s.latency(m, 0.95, by), env) },
    { header: 'p99', unit: 's', expr: anyKind((s, m, by) => s.latency(m, 0.99, by), env) },
  ];
  const health = table('Service health')
    .description('One row per service: up, work per second, failures, latency; click a name.')
    .datasource(prometheusDs)
    .span(24)
    .height(3 + all.services.length)
    .transformations(columnTransformations(columns))
    .overrideByName('service', [{ id: 'links', value: [serviceDataLink().build()] }])
    .overrideByName('Up', [
      { id: 'unit', value: 'percentunit' },
      { id: 'custom.cellOptions', value: { type: 'color-background' } },
      { id: 'thresholds', value: below(1, 0.5).build() },
    ])
    .overrideByName('Failure ratio', [
      { id: 'unit', value: 'percentunit' },
      { id: 'custom.cellOptions', value: { type: 'color-background' } },
      { id: 'thresholds', value: above(0.01, 0.05).build() },
    ]);
  for (const column of columns) {
    health.withTarget(promInstant(column.expr));
    if (column.header !== 'Up' && column.header !== 'Failure ratio') {
      health.overrideByName(column.header, [{ id: 'unit', value: column.unit }]);
    }
  }
  const links = all.services
    .map(
      (s) =>
        `- [${s.title}](${dashboardPath(serviceDashboardUid(s.name))}) — ${s.kind}, team ${s.team}`,
    )
    .join('\n');
  return {
    title: 'Services',
    panels: [
      health.unit('short').thresholds(neutral()),
      text('Service dashboards', links)
        .description('A link to the dashboard of every catalog service.')
        .height(2 + all.services.length),
    ],
  };
}

function sloSection(all: Catalog): Section {
  const slos = all.services.flatMap((service) => service.slos.map((slo) => ({ service, slo })));
  const budget = barGauge('Error budget left')
    .description('Share of each SLO’s error budget still unspent over its window (raw metrics).')
    .datasource(prometheusDs)
    .unit('percentunit')
    .span(12)
    .height(3 + slos.length)
    .min(0)
    .max(1)
    .thresholds(below(0.5, 0.1));
  const attainment = barGauge('SLO attainment')
    .description('Good events over the SLO window; the objective is in each bar’s name.')
    .datasource(prometheusDs)
    .unit('percentunit')
    .span(12)
    .height(3 + slos.length)
    .decimals(3)
    .min(0.9)
    .max(1)
    .thresholds(below(0.999, 0.99));
  const fixedWindow = 'an SLO is measured over its own fixed window, not the time range';
  suppressed(budget, 'panel/rate-interval', fixedWindow);
  suppressed(attainment, 'panel/rate-interval', fixedWindow);
  for (const { service, slo } of slos) {
    budget.withTarget(promInstant(budgetLeft(service, slo), sloLabel(service, slo)));
    attainment.withTarget(promInstant(sli(service, slo), sloLabel(service, slo)));
  }
  return { title: 'SLOs', panels: slos.length ? [budget, attainment] : [] };
}

function alertsSection(): Section {
  const firing = selector(prometheusNames.alerts, { alertstate: 'firing' });
  return {
    title: 'Firing alerts',
    panels: [
      table('Firing alerts')
        .description('Every alert firing now, with its severity, service and team.')
        .datasource(prometheusDs)
        .span(24)
        .unit('short')
        .thresholds(neutral())
        .withTarget(promInstant(sumBy(['alertname', 'severity', 'service', 'team', 'env'], firing)))
        .transformations([
          { id: 'organize', options: { excludeByName: { Time: true, Value: true } } },
        ]),
    ],
  };
}

function kafkaSection(): Section {
  const j = kafkaJmxNames;
  return {
    title: 'Kafka',
    panels: [
      stat('Active controllers')
        .description('Brokers acting as controller; anything but exactly 1 is a problem.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(below(1, 1))
        .withTarget(promQuery(`sum(${selector(j.activeController, env)})`)),
      stat('Offline partitions')
        .description('Partitions without a leader: nobody can read or write them.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(`sum(${selector(j.offlinePartitions, env)})`)),
      stat('Under-replicated partitions')
        .description('Partitions with fewer in-sync replicas than configured.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(anyIsBad())
        .withTarget(promQuery(`sum(${selector(j.underReplicated, env)})`)),
      stat('Events produced/s')
        .description('Events all services write to Kafka per second.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(sumBy([], rate(selector(metricNames.produced, env))))),
      stat('Handling failures/s')
        .description('Events whose handling failed, per second, all consumers.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(anyIsBad(0.1))
        .withTarget(promQuery(sumBy([], rate(selector(metricNames.consumeFailures, env))))),
      stat('Dead-lettered/s')
        .description('Events given up on and sent to the dead-letter topic, per second.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(anyIsBad(0.01))
        .withTarget(promQuery(sumBy([], rate(selector(metricNames.deadLettered, env))))),
    ],
  };
}

function resourcesSection(all: Catalog): Section {
  const n = metricNames;
  const cpu = barGauge('CPU of limit (busiest instance)')
    .description('CPU used by each service’s busiest instance as a share of its catalog limit.')
    .datasource(prometheusDs)
    .unit('percentunit')
    .span(12)
    .height(3 + all.services.length)
    .min(0)
    .max(1)
    .thresholds(above(0.7, 0.9));
  const memory = barGauge('Memory of limit (largest instance)')
    .description('Resident memory of each service’s largest instance as a share of its limit.')
    .datasource(prometheusDs)
    .unit('percentunit')
    .span(12)
    .height(3 + all.services.length)
    .min(0)
    .max(1)
    .thresholds(above(0.7, 0.9));
  for (const service of all.services) {
    const m = serviceMatchers(service.name);
    const used = `max(${sumBy(['instance'], rate(selector(n.cpuSeconds, m)))})`;
    cpu.withTarget(promInstant(`${used}\n/ ${service.limits.cpuCores}`, service.name));
    const resident = `max(${selector(n.residentMemory, m)})`;
    memory.withTarget(promInstant(`${resident}\n/ ${service.limits.memoryBytes}`, service.name));
  }
  return { title: 'Resources', panels: [cpu, memory] };
}

/** The overview of a catalog. */
export function overviewDashboard(all: Catalog): DashboardDefinition {
  const board = dashboard('Virtual Pet overview')
    .uid(dashboardUids.overview)
    .tags(['virtual-pet', 'overview'])
    .description('Health of every Virtual Pet service; start here.')
    .withVariable(envVariable())
    .links([
      ...navigationLinks(dashboardUids.overview),
      ...all.services.map((s) => serviceLink(s.name, s.title)),
    ]);
  return withSections(board, [
    platformSection(),
    servicesSection(all),
    sloSection(all),
    alertsSection(),
    kafkaSection(),
    resourcesSection(all),
  ]);
}

export default () => overviewDashboard(catalog);
