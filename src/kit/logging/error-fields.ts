/** An error as the flat `error_*` fields of the log line convention. */
import { logFields } from '../../conventions/log-fields.ts';
import { errorFingerprint } from './fingerprint.ts';

/** `error_type`, `error_message`, `error_stack` and `error_fingerprint` of `error`. */
export function errorFields(error: unknown): Record<string, string> {
  const err = error instanceof Error ? error : new Error(String(error));
  const type =
    err.constructor?.name && err.constructor.name !== 'Error' ? err.constructor.name : err.name;
  return {
    [logFields.errorType]: type,
    [logFields.errorMessage]: err.message,
    [logFields.errorStack]: err.stack ?? '',
    [logFields.errorFingerprint]: errorFingerprint(type, err.stack),
  };
}
