/**
 * GET (or form POST) a JSON document from a backend with a deadline, turning every way it can
 * fail into a `RemoteError` that names the URL and says what to try.
 */
import { RemoteError, type RemoteFailure } from './remote-error.ts';

/** Where a backend is and how to talk to it. Headers may hold secrets: never print them. */
export interface Endpoint {
  /** Base URL, no trailing slash, e.g. `http://127.0.0.1:9090` or `https://mimir/prometheus`. */
  url: string;
  headers: Record<string, string>;
  /** Per-request deadline in milliseconds. */
  timeoutMs: number;
}

/** One API request. */
export interface RequestSpec {
  /** What we are asking, for messages: `Prometheus range query`. */
  what: string;
  path: string;
  params?: Record<string, string | undefined>;
  /** Send `params` as a form body (long PromQL does not fit in a URL). */
  post?: boolean;
}

const excerptLength = 300;

/** Fetch and parse JSON; throws `RemoteError` on any failure. */
export async function requestJson<T>(endpoint: Endpoint, spec: RequestSpec): Promise<T> {
  const target = new URL(endpoint.url.replace(/\/+$/, '') + spec.path);
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(spec.params ?? {})) {
    if (value === undefined) continue;
    if (spec.post) form.set(key, value);
    else target.searchParams.set(key, value);
  }
  const shownUrl = `${target.origin}${target.pathname}`;

  let response: Response;
  let body: string;
  try {
    response = await fetch(target, {
      method: spec.post ? 'POST' : 'GET',
      headers: {
        accept: 'application/json',
        ...(spec.post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...endpoint.headers,
      },
      body: spec.post ? form.toString() : undefined,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    throw networkError(spec.what, shownUrl, error, endpoint.timeoutMs);
  }

  if (!response.ok) throw statusError(spec.what, shownUrl, response.status, body);
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new RemoteError({
      what: spec.what,
      url: shownUrl,
      failure: 'bad-response',
      message: `HTTP ${response.status} but the body is not JSON`,
      status: response.status,
      bodyExcerpt: excerpt(body),
      hint: 'check that the URL points at the API itself and not at a proxy or login page',
    });
  }
}

function networkError(what: string, url: string, error: unknown, timeoutMs: number) {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return remote(what, url, 'timeout', `no answer within ${seconds(timeoutMs)}`, {
      hint: 'the server is slow or hung; try a shorter time range, or raise --timeout',
    });
  }
  const code = causeCode(error);
  if (code === 'ECONNREFUSED') {
    return remote(what, url, 'refused', 'connection refused', {
      hint: 'nothing listens there: is the server running, and is the URL (host, port) right?',
    });
  }
  const reason = code ?? deepestMessage(error);
  return remote(what, url, 'unreachable', `cannot connect (${reason})`, {
    hint: 'check the host name, DNS, VPN or proxy; try the URL with curl',
  });
}

function statusError(what: string, url: string, status: number, body: string): RemoteError {
  const hint =
    status === 401 || status === 403
      ? 'the credentials were refused: check the token variable named in platform/environments.ts'
      : status === 404
        ? 'the API path does not exist there: is this the right kind of server (and path prefix)?'
        : status === 400 || status === 422
          ? 'the server refused the query: read its message above and fix the query'
          : status >= 500
            ? 'the server failed: look at its logs, or retry later'
            : 'see the response above';
  return remote(what, url, 'http-status', `HTTP ${status}`, {
    status,
    bodyExcerpt: excerpt(body),
    hint,
  });
}

function remote(
  what: string,
  url: string,
  failure: RemoteFailure,
  message: string,
  extra: { hint: string; status?: number; bodyExcerpt?: string },
): RemoteError {
  return new RemoteError({ what, url, failure, message, ...extra });
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors.length) current = errors[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message of the innermost cause: `fetch failed` says less than its cause. */
function deepestMessage(error: unknown): string {
  let current: unknown = error;
  let message = String(error);
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

/** The body shortened to one line of at most 300 characters. */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength)}…` : flat;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
