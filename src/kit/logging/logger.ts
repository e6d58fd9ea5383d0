/**
 * The standardized structured logger (pino): one JSON object per line with the fields of
 * `src/conventions/log-fields.ts`, in this order: `level` (a name), `time` (Unix epoch ms),
 * `service`, `env`, `trace_id` and `span_id` (when a span is active), the call's own fields
 * (`event`, `request_id`, `error_*`, context), then `msg`. Errors passed as `err` become the
 * flat `error_*` fields; secrets and personal data are redacted (`redact.ts`).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { logFields, redactedValue, type LogLevel } from '../../conventions/log-fields.ts';
import { currentTraceIds } from '../tracing/ids.ts';
import { errorFields } from './error-fields.ts';
import { redactPaths, scrubText, scrubValues } from './redact.ts';
import { RotatingFile, type RotationOptions } from './rotating-file.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  env: string;
  /** Lowest level written; default `info` (or the `LOG_LEVEL` variable). */
  level?: LogLevel;
  /** Also write to this rotating file (the file the log-shipping agent tails). */
  file?: RotationOptions | RotatingFile;
  /** Write here instead of stdout (tests). */
  stream?: DestinationStream;
}

/** A logger writing the standard line to stdout (or `stream`) and, optionally, a file. */
export function createLogger(options: LoggerOptions): Logger {
  // Each stream takes every level; the logger's own level decides what is written.
  const streams: pino.StreamEntry[] = [
    { level: 'trace', stream: options.stream ?? process.stdout },
  ];
  if (options.file) {
    const file =
      options.file instanceof RotatingFile ? options.file : new RotatingFile(options.file);
    streams.push({ level: 'trace', stream: file });
  }

  const level = options.level ?? (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info';
  return pino(
    {
      level,
      messageKey: logFields.message,
      base: { [logFields.service]: options.service, [logFields.env]: options.env },
      // Unix epoch milliseconds, the `UnixMs` format the log-shipping agents parse.
      timestamp: () => `,"${logFields.time}":${Date.now()}`,
      formatters: {
        level: (label) => ({ [logFields.level]: label }),
        log: (object) => scrubValues(flattenError(object)) as Record<string, unknown>,
      },
      mixin: () => {
        const ids = currentTraceIds();
        return ids ? { [logFields.traceId]: ids.traceId, [logFields.spanId]: ids.spanId } : {};
      },
      redact: { paths: redactPaths(), censor: redactedValue },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    pino.multistream(streams),
  );
}

/** `{ err }` (pino's error key) replaced by the flat `error_*` fields. */
function flattenError(object: Record<string, unknown>): Record<string, unknown> {
  const error = object.err ?? object.error;
  if (!(error instanceof Error)) return object;
  const { err: _err, error: _error, ...rest } = object;
  return { ...rest, ...errorFields(error) };
}
