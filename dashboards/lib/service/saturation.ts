/**
 * Saturation of a service's processes: CPU and memory against the catalog's limits, the Node.js
 * event loop, garbage collection, handles and file descriptors.
 */
import type { Service } from '../../../src/model/catalog.ts';
import { metricNames } from '../../../src/conventions/metrics.ts';
import { prometheusDs } from '../../../src/conventions/datasources.ts';
import {
  promQuery,
  rate,
  ratio,
  selector,
  sumBy,
  timeseries,
} from '../../../src/builders/index.ts';
import { instanceMatchers } from '../red.ts';
import { above } from '../thresholds.ts';
import type { Section } from '../section.ts';

const n = metricNames;
const byInstance = ['instance'];

export function saturationSection(service: Service): Section {
  const m = instanceMatchers(service.name);
  const { cpuCores, memoryBytes } = service.limits;
  const gauge = (metric: string) => sumBy(byInstance, selector(metric, m));
  return {
    title: 'Saturation',
    panels: [
      timeseries('CPU')
        .description(`CPU cores used per instance; the limit is ${cpuCores} core(s).`)
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(cpuCores * 0.8, cpuCores))
        .withTarget(promQuery(sumBy(byInstance, rate(selector(n.cpuSeconds, m))), '{{instance}}')),
      timeseries('Memory')
        .description('Resident memory per instance; red at the catalog limit.')
        .datasource(prometheusDs)
        .unit('bytes')
        .thresholds(above(memoryBytes * 0.8, memoryBytes))
        .withTarget(promQuery(gauge(n.residentMemory), '{{instance}} resident'))
        .withTarget(promQuery(gauge(n.heapUsed), '{{instance}} heap used')),
      timeseries('Event-loop lag p99')
        .description('How late the event loop runs callbacks; high means CPU-bound work.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.1, 0.5))
        .withTarget(promQuery(gauge(n.eventLoopLagP99), '{{instance}}')),
      timeseries('GC time')
        .description('Share of time spent collecting garbage, by GC kind.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.05, 0.2))
        .withTarget(
          promQuery(
            sumBy(['instance', 'kind'], rate(selector(`${n.gcDuration}_sum`, m))),
            '{{instance}} {{kind}}',
          ),
        ),
      timeseries('Active handles')
        .description('Open libuv handles (sockets, timers, files); a steady rise is a leak.')
        .datasource(prometheusDs)
        .unit('short')
        .thresholds(above(5000, 10000))
        .withTarget(promQuery(gauge(n.activeHandles), '{{instance}}')),
      timeseries('File descriptors used')
        .description('Open file descriptors as a share of the process limit.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.7, 0.9))
        .withTarget(promQuery(ratio(gauge(n.openFds), gauge(n.maxFds)), '{{instance}}')),
    ],
  };
}
