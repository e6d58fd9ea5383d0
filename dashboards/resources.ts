/**
 * Resource usage and capacity planning for administrators: CPU, memory, disk and network per
 * service and instance, host saturation, and `predict_linear` forecasts of when each service
 * reaches the limits the catalog gives it. Process metrics come from the kit, host metrics from
 * node_exporter (whose targets carry the `service` label of the host's service).
 */
import { catalog } from '../platform/catalog.ts';
import type { Catalog, Service } from '../src/model/catalog.ts';
import { prometheusDs } from '../src/conventions/datasources.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { metricNames } from '../src/conventions/metrics.ts';
import { nodeNames } from '../src/conventions/exporters.ts';
import {
  dashboard,
  ne,
  nre,
  promQuery,
  rate,
  re,
  selector,
  sumBy,
  type DashboardDefinition,
  type Matchers,
  timeseries,
} from '../src/builders/index.ts';
import { navigationLinks } from './lib/links.ts';
import { withSections, type Section } from './lib/section.ts';
import { above, below, neutral } from './lib/thresholds.ts';
import { envVariable, serviceVariable } from './lib/variables.ts';
import { call } from './lib/text.ts';

const n = metricNames;
const by = ['service', 'instance'];
const legend = '{{service}} {{instance}}';
const selected: Matchers = { env: '$env', service: re('$service') };
/** Real filesystems only; the root filesystem is the one the catalog's disk limit is about. */
const disks: Matchers = { ...selected, fstype: nre('tmpfs|overlay|squashfs') };
const rootDisk: Matchers = { ...selected, mountpoint: '/' };
const forecastWindow = '6h';
const horizon = { label: '7 days', seconds: 7 * 86400 };

/**
 * One expression per catalog service, each divided by that service's limit, joined by `or`.
 * Limitation: these panels show every service; the Service filter cannot narrow them because a
 * selector here already pins `service` to one catalog name.
 */
function perService(all: Catalog, expr: (m: Matchers, s: Service) => string): string {
  return all.services
    .map((s) => expr({ env: '$env', service: s.name }, s))
    .map((e) => call('', e))
    .join('\nor\n');
}

const cpuUsed = (m: Matchers) => sumBy(by, rate(selector(n.cpuSeconds, m)));

function cpuMemorySection(all: Catalog): Section {
  return {
    title: 'CPU and memory',
    panels: [
      timeseries('CPU cores by instance')
        .description('CPU cores each service instance uses (process metrics).')
        .datasource(prometheusDs)
        .unit('short')
        .span(12)
        .thresholds(neutral())
        .withTarget(promQuery(cpuUsed(selected), legend)),
      timeseries('CPU of limit')
        .description(
          'CPU used as a share of each service’s catalog limit, per instance (all services).',
        )
        .datasource(prometheusDs)
        .unit('percentunit')
        .span(12)
        .thresholds(above(0.7, 0.9))
        .withTarget(
          promQuery(
            perService(all, (m, s) => `${cpuUsed(m)}\n/ ${s.limits.cpuCores}`),
            legend,
          ),
        ),
      timeseries('Memory by instance')
        .description('Resident memory of each service instance.')
        .datasource(prometheusDs)
        .unit('bytes')
        .span(12)
        .thresholds(neutral())
        .withTarget(promQuery(sumBy(by, selector(n.residentMemory, selected)), legend)),
      timeseries('Memory of limit')
        .description(
          'Resident memory as a share of each service’s limit, per instance (all services).',
        )
        .datasource(prometheusDs)
        .unit('percentunit')
        .span(12)
        .thresholds(above(0.7, 0.9))
        .withTarget(
          promQuery(
            perService(
              all,
              (m, s) => `${sumBy(by, selector(n.residentMemory, m))}\n/ ${s.limits.memoryBytes}`,
            ),
            legend,
          ),
        ),
    ],
  };
}

function diskNetworkSection(): Section {
  const net = (metric: string) =>
    sumBy(by, rate(selector(metric, { ...selected, device: ne('lo') })));
  return {
    title: 'Disk and network (hosts)',
    panels: [
      timeseries('Disk used')
        .description('Share of each filesystem in use, per service host.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.8, 0.9))
        .withTarget(
          promQuery(
            `1 - (\n  ${sumBy([...by, 'mountpoint'], selector(nodeNames.fsAvail, disks))}\n  /\n  ${sumBy([...by, 'mountpoint'], selector(nodeNames.fsSize, disks))}\n)`,
            '{{service}} {{instance}} {{mountpoint}}',
          ),
        ),
      timeseries('Network received')
        .description('Bytes per second received by each service host (all but loopback).')
        .datasource(prometheusDs)
        .unit('Bps')
        .thresholds(neutral())
        .withTarget(promQuery(net(nodeNames.netReceive), legend)),
      timeseries('Network sent')
        .description('Bytes per second sent by each service host (all but loopback).')
        .datasource(prometheusDs)
        .unit('Bps')
        .thresholds(neutral())
        .withTarget(promQuery(net(nodeNames.netTransmit), legend)),
    ],
  };
}

function saturationSection(): Section {
  const idle = selector(nodeNames.cpuSeconds, { ...selected, mode: 'idle' });
  return {
    title: 'Saturation',
    panels: [
      timeseries('Host CPU busy')
        .description('Share of host CPU time not idle, per service host.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.7, 0.9))
        .withTarget(promQuery(`1 - avg by (service, instance) (${rate(idle)})`, legend)),
      timeseries('Host memory used')
        .description('Share of host memory not available for new work.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.8, 0.9))
        .withTarget(
          promQuery(
            `1 - (\n  ${sumBy(by, selector(nodeNames.memAvailable, selected))}\n  /\n  ${sumBy(by, selector(nodeNames.memTotal, selected))}\n)`,
            legend,
          ),
        ),
      timeseries('Event-loop lag p99')
        .description('How late each service’s event loop runs; high means it cannot keep up.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.1, 0.5))
        .withTarget(promQuery(sumBy(by, selector(n.eventLoopLagP99, selected)), legend)),
    ],
  };
}

function forecastSection(all: Catalog): Section {
  const ahead = horizon.seconds;
  const predict = (expr: string) => `predict_linear(${expr}[${forecastWindow}], ${ahead})`;
  return {
    title: `Forecasts (${horizon.label} ahead, from the last ${forecastWindow})`,
    panels: [
      timeseries(`CPU of limit in ${horizon.label}`)
        .description('Projected CPU use as a share of the catalog limit; above 100% needs more.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .span(12)
        .thresholds(above(0.8, 1))
        .withTarget(
          promQuery(
            perService(
              all,
              (m, s) =>
                `predict_linear(\n  ${cpuUsed(m)}[${forecastWindow}:5m],\n  ${ahead}\n)\n/ ${s.limits.cpuCores}`,
            ),
            legend,
          ),
        ),
      timeseries(`Memory of limit in ${horizon.label}`)
        .description('Projected resident memory as a share of the catalog limit.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .span(12)
        .thresholds(above(0.8, 1))
        .withTarget(
          promQuery(
            perService(
              all,
              (m, s) =>
                `${sumBy(by, predict(selector(n.residentMemory, m)))}\n/ ${s.limits.memoryBytes}`,
            ),
            legend,
          ),
        ),
      timeseries(`Disk of limit in ${horizon.label}`)
        .description('Projected root-disk use as a share of the catalog disk limit.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .span(12)
        .thresholds(above(0.8, 1))
        .withTarget(
          promQuery(
            perService(all, (m, s) => {
              const root = { ...m, mountpoint: '/' };
              return `(\n  ${sumBy(by, selector(nodeNames.fsSize, root))}\n  -\n  ${sumBy(by, predict(selector(nodeNames.fsAvail, root)))}\n)\n/ ${s.limits.diskBytes}`;
            }),
            legend,
          ),
        ),
      timeseries('Time until root disk is full')
        .description('At the growth rate of the last 6h; only hosts whose disk fills are shown.')
        .datasource(prometheusDs)
        .unit('s')
        .span(12)
        .thresholds(
          // Less time left is worse: red under a day, yellow under a week.
          below(7 * 86400, 86400),
        )
        .withTarget(
          promQuery(
            `(\n  ${sumBy(by, selector(nodeNames.fsAvail, rootDisk))}\n  /\n  -${sumBy(by, `deriv(${selector(nodeNames.fsAvail, rootDisk)}[${forecastWindow}])`)}\n) > 0`,
            legend,
          ),
        ),
    ],
  };
}

/** The resources dashboard of a catalog. */
export function resourcesDashboard(all: Catalog): DashboardDefinition {
  const board = dashboard('Resources')
    .uid(dashboardUids.resources)
    .tags(['virtual-pet', 'resources', 'capacity'])
    .description('CPU, memory, disk and network per service and instance, with forecasts.')
    .withVariable(envVariable())
    .withVariable(serviceVariable(all.services.map((s) => s.name)))
    .links(navigationLinks(dashboardUids.resources));
  return withSections(board, [
    cpuMemorySection(all),
    diskNetworkSection(),
    saturationSection(),
    forecastSection(all),
  ]);
}

export default () => resourcesDashboard(catalog);
