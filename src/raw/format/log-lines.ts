/**
 * Log entries as people read them: the standardized JSON fields (`src/conventions/log-fields.ts`)
 * in a fixed order — time, level, service, message — then the error fields, the trace id and
 * any other field as key=value. Lines that are not JSON print as they are.
 */
import { logFields } from '../../conventions/log-fields.ts';
import type { LogEntry } from '../loki.ts';

const f = logFields;
const shownFirst = new Set<string>([f.time, f.level, f.service, f.message, f.env]);
const errorFields = [f.errorType, f.errorMessage, f.errorFingerprint] as string[];

/** An entry's fields: the parsed JSON line, or undefined when the line is not a JSON object. */
export function parseLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Nanoseconds as RFC3339 with milliseconds, UTC. */
export function nsToIso(ns: bigint): string {
  return new Date(Number(ns / 1_000_000n)).toISOString();
}

/** One entry as one line (plus the first stack line, indented, when there is a stack). */
export function renderLogEntry(entry: LogEntry): string {
  const fields = parseLine(entry.line);
  const time = typeof fields?.[f.time] === 'string' ? String(fields[f.time]) : nsToIso(entry.ns);
  const level = String(fields?.[f.level] ?? entry.labels.level ?? '-').toUpperCase();
  const service = String(fields?.[f.service] ?? entry.labels.service ?? '-');
  if (!fields) return `${time} ${level.padEnd(5)} ${service}  ${entry.line}`;

  const parts = [`${time} ${level.padEnd(5)} ${service}  ${text(fields[f.message])}`];
  for (const key of errorFields) {
    if (fields[key] !== undefined) parts.push(`${key}=${text(fields[key])}`);
  }
  if (fields[f.traceId] !== undefined) parts.push(`trace_id=${text(fields[f.traceId])}`);
  const rest = Object.keys(fields)
    .filter((k) => !shownFirst.has(k) && !errorFields.includes(k))
    .filter((k) => k !== f.traceId && k !== f.errorStack)
    .sort();
  for (const key of rest) parts.push(`${key}=${text(fields[key])}`);

  const stack = typeof fields[f.errorStack] === 'string' ? String(fields[f.errorStack]) : '';
  const firstFrame = stack.split('\n').find((l) => l.trim().startsWith('at '));
  return firstFrame ? `${parts.join('  ')}\n    ${firstFrame.trim()}` : parts.join('  ');
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string')
    return /\s/.test(value) && value.includes('=') ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** One entry as a JSON object for `--json` (one per line): time, labels and the parsed fields. */
export function logEntryJson(entry: LogEntry): object {
  const fields = parseLine(entry.line);
  return {
    time: nsToIso(entry.ns),
    ns: String(entry.ns),
    labels: entry.labels,
    ...(fields ? { fields } : { line: entry.line }),
  };
}
