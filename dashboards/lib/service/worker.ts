/** Section of a worker: job runs by outcome and job duration. */
import type { Service } from '../../../src/model/catalog.ts';
import { metricNames } from '../../../src/conventions/metrics.ts';
import { prometheusDs } from '../../../src/conventions/datasources.ts';
import {
  promQuery,
  quantile,
  rate,
  selector,
  sumBy,
  timeseries,
} from '../../../src/builders/index.ts';
import { instanceMatchers } from '../red.ts';
import { signals } from '../signals.ts';
import { above, neutral } from '../thresholds.ts';
import type { Section } from '../section.ts';

const n = metricNames;

export function jobsSection(service: Service): Section {
  const m = instanceMatchers(service.name);
  return {
    title: 'Jobs',
    panels: [
      timeseries('Job runs by outcome')
        .description('Job runs per second, by job and outcome.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(
          promQuery(
            sumBy(['task', 'outcome'], rate(selector(n.jobRuns, m))),
            '{{task}} {{outcome}}',
          ),
        ),
      timeseries('Job failure ratio')
        .description('Share of job runs that did not succeed, by job.')
        .datasource(prometheusDs)
        .unit('percentunit')
        .thresholds(above(0.01, 0.05))
        .withTarget(promQuery(signals.worker.failureRatio(m, ['task']), '{{task}}')),
      timeseries('Job duration p95')
        .description('95th percentile of one job run, by job.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(5, 30))
        .withTarget(promQuery(quantile(0.95, n.jobDuration, m, ['task']), '{{task}}')),
    ],
  };
}
