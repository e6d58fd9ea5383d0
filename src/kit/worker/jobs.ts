/** Worker jobs (periodic or queued work): one INTERNAL span, run count by outcome, duration. */
import { SpanStatusCode } from '@opentelemetry/api';
import { jobOutcomes, metricNames } from '../../conventions/metrics.ts';
import type { Kit } from '../kit.ts';
import { observeWithExemplar, secondsSince } from '../metrics/observe.ts';

/**
 * Run job `name` once, measured. The job's name is the `task` label: `job` is the scrape
 * config's target label, and a metric label of that name would be renamed `exported_job`.
 */
export async function runJob<T>(kit: Kit, name: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const runs = kit.metrics.counter(metricNames.jobRuns);
  for (const outcome of jobOutcomes) runs.inc({ task: name, outcome }, 0);
  return kit.tracer.startActiveSpan(`job ${name}`, async (span) => {
    try {
      const result = await work();
      kit.metrics.counter(metricNames.jobRuns).inc({ task: name, outcome: 'success' });
      return result;
    } catch (error) {
      kit.metrics.counter(metricNames.jobRuns).inc({ task: name, outcome: 'failure' });
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      kit.log.error({ err: error }, `job ${name} failed`);
      throw error;
    } finally {
      observeWithExemplar(
        kit.metrics.histogram(metricNames.jobDuration),
        { task: name },
        secondsSince(started),
      );
      span.end();
    }
  });
}
