/**
 * A service's instrumentation in one object: its registry and catalog metrics, its standard
 * logger and its tracer. Every other kit function takes a `Kit`.
 */
import type { Tracer } from '@opentelemetry/api';
import { trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { LogLevel } from '../conventions/log-fields.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { RotatingFile, type RotationOptions } from './logging/rotating-file.ts';
import { createKitRegistry, type KitRegistry } from './metrics/registry.ts';
import { startTracing, type Tracing } from './tracing/tracing.ts';

export interface KitOptions {
  /** The catalog service name (the `service` log field and `service.name` of spans). */
  service: string;
  /** Environment name (`env` log field, `deployment.environment`). */
  env: string;
  version: string;
  /** Source commit of the build; `unknown` by default. */
  commit?: string;
  logLevel?: LogLevel;
  /** Also write logs to this rotating file. */
  logFile?: RotationOptions;
  /** Log to this stream instead of stdout (tests). */
  logStream?: import('pino').DestinationStream;
  /**
   * Tracing: on by default (OTLP export when an endpoint is set); `false` turns it off, and
   * an `exporter` receives every span (tests).
   */
  tracing?: false | { otlpEndpoint?: string; exporter?: SpanExporter };
}

export interface Kit {
  service: string;
  env: string;
  metrics: KitRegistry;
  log: Logger;
  tracer: Tracer;
  /** Flush spans and close what the kit opened; unregisters the global tracer provider. */
  shutdown(): Promise<void>;
}

/** Set up metrics, logs and traces for one service process. */
export function createKit(options: KitOptions): Kit {
  const metrics = createKitRegistry({
    version: options.version,
    commit: options.commit ?? 'unknown',
  });
  const file = options.logFile ? new RotatingFile(options.logFile) : undefined;
  const log = createLogger({
    service: options.service,
    env: options.env,
    level: options.logLevel,
    file,
    stream: options.logStream,
  });

  let tracing: Tracing | undefined;
  if (options.tracing !== false) {
    tracing = startTracing({
      service: options.service,
      version: options.version,
      env: options.env,
      ...options.tracing,
    });
  }

  return {
    service: options.service,
    env: options.env,
    metrics,
    log,
    tracer: tracing?.tracer ?? trace.getTracer('virtual-pet-kit'),
    shutdown: async () => {
      await tracing?.shutdown();
      log.flush();
      file?.end();
    },
  };
}
