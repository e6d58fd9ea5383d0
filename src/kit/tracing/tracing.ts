/**
 * OpenTelemetry tracing for one service: a Node tracer provider with the service's resource
 * attributes, OTLP/HTTP export, and W3C trace context as the global propagator.
 */
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  service: string;
  version: string;
  env: string;
  /**
   * OTLP/HTTP traces endpoint, e.g. `http://tempo:4318/v1/traces`. Defaults to the
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` variable; without either, spans are made (their ids
   * still reach logs and exemplars) but not exported.
   */
  otlpEndpoint?: string;
  /** Export to this exporter instead, span by span (tests: `InMemorySpanExporter`). */
  exporter?: SpanExporter;
}

export interface Tracing {
  tracer: Tracer;
  provider: NodeTracerProvider;
  /** Flush pending spans. */
  flush(): Promise<void>;
  /** Flush, stop exporting and unregister the globals, so another kit may start. */
  shutdown(): Promise<void>;
}

/** Resource attributes every span of the service carries. */
export function resourceAttributes(options: TracingOptions): Record<string, string> {
  return {
    [ATTR_SERVICE_NAME]: options.service,
    [ATTR_SERVICE_VERSION]: options.version,
    // The classic key and its newer name (semantic conventions ≥ 1.27): readers use either.
    'deployment.environment': options.env,
    'deployment.environment.name': options.env,
  };
}

/** Start tracing and register the provider, context manager and propagator globally. */
export function startTracing(options: TracingOptions): Tracing {
  const processors: SpanProcessor[] = [];
  const endpoint = options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  if (endpoint) processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint })));

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes(resourceAttributes(options)),
    spanProcessors: processors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });

  return {
    tracer: provider.getTracer('virtual-pet-kit', options.version),
    provider,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
