/**
 * The Virtual Pet instrumentation kit: `import { createKit, createHttpServer, … } from
 * 'src/kit/index.ts'`. Usage, metric catalog and log convention: docs/instrumentation.md.
 */
export { createKit, type Kit, type KitOptions } from './kit.ts';
export {
  createHttpServer,
  requestIdHeader,
  type Reply,
  type RequestContext,
  type Route,
} from './http/server.ts';
export { fetchService, noResponseClass } from './http/client.ts';
export { methodLabel, statusClass, unmatchedRoute } from './http/router.ts';
export type { EventMessage, Transport } from './events/message.ts';
export { createProducer, type Producer } from './events/producer.ts';
export { createConsumer, type ConsumerOptions, type Outcome } from './events/consumer.ts';
export { runJob } from './worker/jobs.ts';
export { createLogger, type Logger, type LoggerOptions } from './logging/logger.ts';
export { errorFingerprint } from './logging/fingerprint.ts';
export { errorFields } from './logging/error-fields.ts';
export {
  RotatingFile,
  defaultRotation,
  localLogWindowSeconds,
  localLogWindowHours,
  rotationFor,
  type RotationOptions,
} from './logging/rotating-file.ts';
export { createKitRegistry, isRuntimeMetric, type KitRegistry } from './metrics/registry.ts';
export { metricsHandler } from './metrics/handler.ts';
export {
  startTracing,
  resourceAttributes,
  type Tracing,
  type TracingOptions,
} from './tracing/tracing.ts';
export { extractTraceContext, injectTraceContext, traceHeaders } from './tracing/propagation.ts';
export { currentTraceIds } from './tracing/ids.ts';
