/**
 * One error shape for every backend call of the raw-data commands: which URL, what failed, and
 * what to try. Rendered once, by `renderRemoteError`, as text or JSON; the CLI exits with
 * `ExitCode.remote` (4) on it.
 */

/** How a request failed. */
export type RemoteFailure =
  'refused' | 'unreachable' | 'timeout' | 'http-status' | 'api-error' | 'bad-response';

/** Everything a remote error says, as data. */
export interface RemoteErrorDetails {
  /** What we were asking, e.g. `Prometheus range query`. */
  what: string;
  /** The URL requested, without credentials or query string secrets. */
  url: string;
  failure: RemoteFailure;
  /** One line: what went wrong. */
  message: string;
  /** What to try next. */
  hint: string;
  status?: number;
  /** The first few hundred characters of the response body. */
  bodyExcerpt?: string;
}

/** A backend could not be reached or answered with an error. */
export class RemoteError extends Error {
  readonly details: RemoteErrorDetails;

  constructor(details: RemoteErrorDetails) {
    super(`${details.what}: ${details.message} (${details.url})`);
    this.name = 'RemoteError';
    this.details = details;
  }
}

/** The error as human text: what and where, then the response excerpt and a hint. */
export function renderRemoteError(error: RemoteError): string {
  const d = error.details;
  const lines = [`error: ${d.what} failed: ${d.message}`, `    url: ${d.url}`];
  if (d.bodyExcerpt) lines.push(`    response: ${d.bodyExcerpt}`);
  lines.push(`    hint: ${d.hint}`);
  return lines.join('\n');
}

/** The error as JSON, keys in a fixed order. */
export function remoteErrorJson(error: RemoteError): object {
  const d = error.details;
  return {
    error: {
      what: d.what,
      url: d.url,
      failure: d.failure,
      message: d.message,
      status: d.status ?? null,
      response: d.bodyExcerpt ?? null,
      hint: d.hint,
    },
  };
}
