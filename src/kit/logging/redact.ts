/**
 * Redaction of secrets and personal data. Two layers: pino's path redaction replaces the values
 * of sensitive keys (wherever `*` allows: top level and one level down, plus request headers),
 * and a value scrubber masks e-mail addresses, bearer tokens and JWTs inside any string of the
 * line, the message included, whatever key holds them.
 */
import { redactedValue } from '../../conventions/log-fields.ts';

/** Keys whose values never reach a log line. */
export const sensitiveKeys = [
  'password',
  'passwd',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'authorization',
  'cookie',
  'email',
  'phone',
  'address',
  'creditCard',
];

/** pino `redact.paths`: each key at the top level and one level down, and request headers. */
export function redactPaths(): string[] {
  const headers = ['authorization', 'cookie', '["set-cookie"]', '["x-api-key"]'];
  return [
    ...sensitiveKeys.flatMap((key) => [key, `*.${key}`]),
    ...headers.map((h) => (h.startsWith('[') ? `headers${h}` : `headers.${h}`)),
    ...headers.map((h) => (h.startsWith('[') ? `req.headers${h}` : `req.headers.${h}`)),
  ];
}

const patterns: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, redactedValue],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${redactedValue}`],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, redactedValue],
];

/** `text` with e-mail addresses, bearer/basic credentials and JWTs masked. */
export function scrubText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result;
}

/** A copy of `value` with every string scrubbed, down to `depth` levels of objects. */
export function scrubValues(value: unknown, depth = 4): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth === 0 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValues(item, depth - 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubValues(item, depth - 1);
  return copy;
}
