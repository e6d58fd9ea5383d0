/**
 * Resources approaching their limits, per catalog service (limits from `platform/catalog.ts`)
 * and per host: memory and CPU of each instance, now and forecast with `predict_linear`, and
 * host disks filling up.
 */
import { catalog } from '../platform/catalog.ts';
import type { Service } from '../src/model/catalog.ts';
import { metricNames as m } from '../src/conventions/metrics.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { prometheusRuleGroup, selector, type AlertRuleBuilder } from '../src/builders/index.ts';
import { recorded } from '../recording-rules/lib/names.ts';
import { serviceAlert, teamAlert } from './lib/alert.ts';

const GiB = 1024 ** 3;
const gib = (bytes: number) => `${Math.round((bytes / GiB) * 100) / 100} GiB`;
const byInstance = 'max by (service, env, instance)';

/** The resource alerts of one service, by name. */
export type ResourceAlerts = Record<string, AlertRuleBuilder>;

function serviceResourceAlerts(s: Service): ResourceAlerts {
  const memory = selector(m.residentMemory, { service: s.name });
  const cpu = selector(recorded.cpuRate, { service: s.name });
  const { memoryBytes, cpuCores } = s.limits;
  return {
    ServiceMemoryNearLimit: serviceAlert('ServiceMemoryNearLimit', s)
      .expr(`${byInstance} (${memory}) > 0.9 * ${memoryBytes}`)
      .for('10m')
      .severity('warning')
      .summary(`${s.title}: {{ $labels.instance }} uses over 90% of its ${gib(memoryBytes)} memory`)
      .description(
        `Resident memory of {{ $labels.instance }} is above 90% of the ${gib(memoryBytes)} ` +
          'limit; the next allocation spike gets it killed.',
      ),
    ServiceMemoryExhaustionForecast: serviceAlert('ServiceMemoryExhaustionForecast', s)
      .expr(
        `${byInstance} (predict_linear(${memory}[1h], 4 * 3600)) > ${memoryBytes}\n` +
          `and\n${byInstance} (${memory}) > 0.5 * ${memoryBytes}`,
      )
      .for('15m')
      .severity('warning')
      .summary(`${s.title}: {{ $labels.instance }} will run out of memory within 4 hours`)
      .description(
        `At the growth of the last hour, memory of {{ $labels.instance }} passes its ` +
          `${gib(memoryBytes)} limit within 4 hours: a leak, or more load than it was sized for.`,
      ),
    ServiceCpuNearLimit: serviceAlert('ServiceCpuNearLimit', s)
      .expr(`${cpu} > 0.8 * ${cpuCores}\nand\n` + `predict_linear(${cpu}[30m], 3600) > ${cpuCores}`)
      .for('15m')
      .severity('warning')
      .summary(`${s.title}: {{ $labels.instance }} approaches its CPU limit`)
      .description(
        `{{ $labels.instance }} uses over 80% of its ${cpuCores} CPU core(s) and, at the trend ` +
          'of the last 30 minutes, will need more than its limit within an hour.',
      ),
  };
}

export const resourcesByService = new Map(
  catalog.services.map((s) => [s.name, serviceResourceAlerts(s)]),
);

const disk = (metric: string) =>
  selector(metric, { fstype: { op: '!~', value: 'tmpfs|overlay|squashfs' } });
const availableShare = `${disk('node_filesystem_avail_bytes')}\n/\n${disk('node_filesystem_size_bytes')}`;

/** Host disk alerts (node_exporter), owned by the platform team. */
export const diskAlerts = {
  HostDiskFillingUp: teamAlert('HostDiskFillingUp', 'platform', dashboardUids.resources)
    .expr(
      `predict_linear(${disk('node_filesystem_avail_bytes')}[6h], 24 * 3600) < 0\n` +
        `and\n${availableShare}\n< 0.25`,
    )
    .for('30m')
    .severity('warning')
    .summary('Disk {{ $labels.mountpoint }} of {{ $labels.instance }} fills up within 24 hours')
    .description(
      'Less than 25% of {{ $labels.mountpoint }} on {{ $labels.instance }} is free and, at the ' +
        'trend of the last 6 hours, none will be left within a day.',
    ),
  HostDiskAlmostFull: teamAlert('HostDiskAlmostFull', 'platform', dashboardUids.resources)
    .expr(`${availableShare}\n< 0.05`)
    .for('5m')
    .severity('critical')
    .summary('Disk {{ $labels.mountpoint }} of {{ $labels.instance }} is almost full')
    .description(
      'Less than 5% of {{ $labels.mountpoint }} on {{ $labels.instance }} is free; services ' +
        'writing there (logs, Kafka segments) fail soon.',
    ),
};

export const resourcesGroup = prometheusRuleGroup('resources')
  .namespace('resources')
  .withRules([
    ...[...resourcesByService.values()].flatMap((a) => Object.values(a)),
    ...Object.values(diskAlerts),
  ]);

export default resourcesGroup;
