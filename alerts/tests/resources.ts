/** Unit tests of the resource alerts: each limit crossed, each forecast, and a quiet baseline. */
import { catalog } from '../../platform/catalog.ts';
import { metricNames as m } from '../../src/conventions/metrics.ts';
import { promtoolTest, seriesText, unitCase } from '../../src/builders/index.ts';
import { redGroup } from '../../recording-rules/red.ts';
import { flat, targetLabels, testEnv } from '../lib/series.ts';
import { diskAlerts, resourcesByService, resourcesGroup } from '../resources.ts';

const minutes = 45;
const at = '40m';

/** Explicit values of a counter whose per-minute increase is `perMinute(i)` in minute i. */
function growingCounter(perMinute: (minute: number) => number): string {
  const values: number[] = [0];
  for (let i = 1; i <= minutes; i++) values.push(values[i - 1]! + perMinute(i));
  return values.map((v) => Math.round(v * 1000) / 1000).join(' ');
}

const instance = (service: string) => {
  const { service: s, env, instance: i } = targetLabels(service);
  return { service: s, env, instance: i };
};

const pressure = unitCase('memory and CPU at and towards their limits');
const quiet = unitCase('services well within their limits raise nothing');

for (const s of catalog.services) {
  const a = resourcesByService.get(s.name)!;
  const { memoryBytes, cpuCores } = s.limits;
  const series = (metric: string, instanceName?: string) =>
    seriesText(metric, targetLabels(s.name, instanceName));

  // Instance 1 sits at 95% of its memory; instance 2 grows from 60% by 0.5% of it a minute.
  pressure.series(series(m.residentMemory), flat(0.95 * memoryBytes, minutes));
  const grows = `${0.6 * memoryBytes}+${0.005 * memoryBytes}x${minutes}`;
  pressure.series(series(m.residentMemory, `${s.name}-2:9100`), grows);
  // CPU use climbs from 85% of the limit by half a percent of it a minute.
  const cpu = growingCounter((i) => 60 * cpuCores * (0.85 + 0.005 * i));
  pressure.series(series(m.cpuSeconds), cpu);

  const second = { ...instance(s.name), instance: `${s.name}-2:9100` };
  pressure
    .expectAlert(at, a.ServiceMemoryNearLimit!, instance(s.name))
    .expectAlert(at, a.ServiceMemoryExhaustionForecast!, second)
    .expectAlert(at, a.ServiceCpuNearLimit!, instance(s.name));

  quiet.series(series(m.residentMemory), flat(0.3 * memoryBytes, minutes));
  quiet.series(series(m.cpuSeconds), `0+${12 * cpuCores}x${minutes}`);
  for (const alert of Object.values(a)) quiet.expectNoAlert(at, alert);
}

const GB = 1e9;
const node = (instanceName: string) => ({
  instance: instanceName,
  job: 'node',
  env: testEnv,
  device: '/dev/sda1',
  fstype: 'ext4',
  mountpoint: '/',
});
const disk = (instanceName: string, avail: string) => [
  [seriesText('node_filesystem_size_bytes', node(instanceName)), flat(100 * GB, minutes)],
  [seriesText('node_filesystem_avail_bytes', node(instanceName)), avail],
];

// host-1 has 20% free, shrinking by 0.1% a minute; host-2 is 97% full but stable.
for (const [s, v] of [
  ...disk('host-1:9100', `${20 * GB}-${0.1 * GB}x${minutes}`),
  ...disk('host-2:9100', flat(3 * GB, minutes)),
]) {
  pressure.series(s!, v!);
}
pressure
  .expectAlert(at, diskAlerts.HostDiskFillingUp, node('host-1:9100'))
  .expectAlert(at, diskAlerts.HostDiskAlmostFull, node('host-2:9100'));

for (const [s, v] of disk('host-3:9100', flat(50 * GB, minutes))) quiet.series(s!, v!);
quiet
  .expectNoAlert(at, diskAlerts.HostDiskFillingUp)
  .expectNoAlert(at, diskAlerts.HostDiskAlmostFull);

export default promtoolTest('alerts-resources')
  .ruleGroups([redGroup, resourcesGroup])
  .withCases([pressure, quiet]);
