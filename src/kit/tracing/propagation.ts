/**
 * W3C trace context (`traceparent`, `tracestate`) carried in HTTP headers and in Kafka message
 * headers alike. The propagator is used directly, not through the global API, so propagation
 * works the same whether or not a tracer provider is registered.
 */
import { context, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** Header values as they arrive: Node HTTP (string | string[]) or Kafka clients (Buffer). */
export type HeaderValue = string | string[] | Buffer | undefined;
export type Headers = Record<string, HeaderValue>;

const propagator = new W3CTraceContextPropagator();

const getter: TextMapGetter<Headers> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key] ?? carrier[key.toLowerCase()];
    if (Buffer.isBuffer(value)) return value.toString('utf8');
    return value;
  },
};

const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** Write the trace context of `ctx` (the active one by default) into `headers`. */
export function injectTraceContext(
  headers: Record<string, string>,
  ctx: Context = context.active(),
): Record<string, string> {
  propagator.inject(ctx, headers, setter);
  return headers;
}

/** The context whose remote parent is the trace context found in `headers` (if any). */
export function extractTraceContext(headers: Headers, ctx: Context = context.active()): Context {
  return propagator.extract(ctx, headers, getter);
}

/** The header names the propagator reads and writes. */
export const traceHeaders = propagator.fields();
