/**
 * Producing events: a PRODUCER span whose context travels in the message headers, the produce
 * time header that consumers measure end-to-end latency from, and producer metrics.
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { logContextFields, logFields } from '../../conventions/log-fields.ts';
import { eventHeaders, metricNames } from '../../conventions/metrics.ts';
import type { Kit } from '../kit.ts';
import { injectTraceContext } from '../tracing/propagation.ts';
import type { EventMessage, Transport } from './message.ts';

export interface Producer {
  /** Send event `name` with `value` to `topic`; rejects (after counting) when sending fails. */
  produce(topic: string, name: string, value: unknown, key?: string): Promise<EventMessage>;
}

/** A producer sending through `transport`. */
export function createProducer(kit: Kit, transport: Transport): Producer {
  return {
    async produce(topic, name, value, key) {
      // Both counters start at 0, so "produce errors" panels show 0 rather than no data.
      kit.metrics.counter(metricNames.produceErrors).inc({ topic }, 0);
      kit.metrics.counter(metricNames.produced).inc({ topic }, 0);
      const span = kit.tracer.startSpan(`${topic} publish`, {
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic },
      });
      const spanContext = trace.setSpan(context.active(), span);
      const headers = injectTraceContext(
        { [eventHeaders.producedAt]: String(Date.now()), [eventHeaders.eventName]: name },
        spanContext,
      );
      const message: EventMessage = { topic, value, headers, ...(key ? { key } : {}) };

      try {
        await context.with(spanContext, () => transport(message));
        kit.metrics.counter(metricNames.produced).inc({ topic });
        return message;
      } catch (error) {
        kit.metrics.counter(metricNames.produceErrors).inc({ topic });
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        context.with(spanContext, () =>
          kit.log.error(
            { [logFields.event]: name, [logContextFields.topic]: topic, err: error },
            'event not produced',
          ),
        );
        throw error;
      } finally {
        span.end();
      }
    },
  };
}
