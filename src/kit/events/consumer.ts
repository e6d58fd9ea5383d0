/**
 * Consuming events: for each message a CONSUMER span continuing the producer's trace, handling
 * with retries, the dead-letter topic after the last attempt, and the consumer metrics —
 * messages, failures, retries, dead-lettered, processing time and end-to-end latency (from the
 * produce time header to the end of handling).
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { logContextFields as ctx, logFields } from '../../conventions/log-fields.ts';
import { eventHeaders, metricNames } from '../../conventions/metrics.ts';
import type { Kit } from '../kit.ts';
import { observeWithExemplar, secondsSince } from '../metrics/observe.ts';
import { extractTraceContext, injectTraceContext } from '../tracing/propagation.ts';
import type { EventMessage, Transport } from './message.ts';

export interface ConsumerOptions {
  topic: string;
  /** The consumer group, as in the catalog. */
  group: string;
  handle(message: EventMessage): Promise<void> | void;
  /** Attempts per message, the first included. Default 3. */
  maxAttempts?: number;
  /** Wait before retry n (1-based), in ms. Default 50 ms × n. */
  backoffMs?: (retry: number) => number;
  /** Where a message goes after its last failed attempt; without it, it is dropped (and logged). */
  deadLetter?: { topic: string; transport: Transport };
}

/** Outcome of handling one message. */
export type Outcome = 'handled' | 'dead-lettered' | 'dropped';

/** A function to call with each message read from the topic. */
export function createConsumer(kit: Kit, options: ConsumerOptions) {
  const labels = { topic: options.topic, group: options.group };
  const maxAttempts = options.maxAttempts ?? 3;
  const backoff = options.backoffMs ?? ((retry: number) => 50 * retry);
  const m = kit.metrics;
  // Failure counters start at 0, so their panels show 0 rather than no data.
  for (const name of [metricNames.consumeFailures, metricNames.retries, metricNames.deadLettered]) {
    m.counter(name).inc(labels, 0);
  }

  return async function consume(message: EventMessage): Promise<Outcome> {
    const started = performance.now();
    const parent = extractTraceContext(message.headers);
    const span = kit.tracer.startSpan(
      `${options.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': options.topic,
          'messaging.consumer.group.name': options.group,
        },
      },
      parent,
    );
    const spanContext = trace.setSpan(parent, span);
    const event = message.headers[eventHeaders.eventName];
    const log = kit.log.child({
      ...(event ? { [logFields.event]: event } : {}),
      [ctx.topic]: options.topic,
      [ctx.group]: options.group,
    });

    const outcome = await context.with(spanContext, async (): Promise<Outcome> => {
      m.counter(metricNames.consumed).inc(labels);
      for (let attempt = 1; ; attempt++) {
        try {
          await options.handle(message);
          return 'handled';
        } catch (error) {
          span.recordException(error as Error);
          if (attempt < maxAttempts) {
            m.counter(metricNames.retries).inc(labels);
            log.warn({ [ctx.attempt]: attempt, err: error }, 'event failed; retrying');
            await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
            continue;
          }
          m.counter(metricNames.consumeFailures).inc(labels);
          span.setStatus({ code: SpanStatusCode.ERROR });
          log.error({ [ctx.attempt]: attempt, err: error }, 'event failed after last attempt');
          return deadLetter(kit, options, message, attempt, log);
        }
      }
    });

    context.with(spanContext, () => {
      const seconds = secondsSince(started);
      observeWithExemplar(m.histogram(metricNames.processingDuration), labels, seconds);
      const producedAt = Number(message.headers[eventHeaders.producedAt]);
      if (Number.isFinite(producedAt) && producedAt > 0) {
        const latency = Math.max(0, (Date.now() - producedAt) / 1000);
        observeWithExemplar(m.histogram(metricNames.eventLatency), labels, latency);
      }
    });
    span.end();
    return outcome;
  };
}

async function deadLetter(
  kit: Kit,
  options: ConsumerOptions,
  message: EventMessage,
  attempts: number,
  log: Kit['log'],
): Promise<Outcome> {
  if (!options.deadLetter) return 'dropped';
  const headers = injectTraceContext({
    ...message.headers,
    [eventHeaders.attempts]: String(attempts),
  });
  await options.deadLetter.transport({ ...message, topic: options.deadLetter.topic, headers });
  kit.metrics.counter(metricNames.deadLettered).inc({ topic: options.topic, group: options.group });
  log.warn({ [ctx.attempt]: attempts }, `event sent to ${options.deadLetter.topic}`);
  return 'dead-lettered';
}
