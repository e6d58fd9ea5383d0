/** The ids of the active span, for log lines and exemplars. */
import { context, isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';

export interface TraceIds {
  traceId: string;
  spanId: string;
  /** Whether the trace is recorded and exported (an exemplar should only point at those). */
  sampled: boolean;
}

/** The active span's trace and span id, or undefined outside any (valid) span. */
export function currentTraceIds(): TraceIds | undefined {
  const span = trace.getSpan(context.active());
  const spanContext = span?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  const sampled = (spanContext.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId, sampled };
}
