/**
 * The HTTP client every target uses (axios underneath): a timeout on every request, retries
 * with exponential backoff on 429, 5xx and connection errors, `Retry-After` honoured, counts of
 * requests and writes, and every message passed through the redactor.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Headers } from './auth.ts';
import { PushError } from './errors.ts';
import type { Redactor } from './redact.ts';

/** How hard to try: per request timeout, retries, backoff bounds. */
export interface HttpPolicy {
  timeoutMs: number;
  /** Retries after the first attempt (so `retries + 1` attempts at most). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultPolicy: HttpPolicy = {
  timeoutMs: 15_000,
  retries: 4,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
};

/** Requests made, by kind; shared by the clients of one push. */
export interface RequestStats {
  requests: number;
  /** Requests that can change state (anything but GET and HEAD), attempts included. */
  writes: number;
  retries: number;
}

export const emptyStats = (): RequestStats => ({ requests: 0, writes: 0, retries: 0 });

export interface HttpResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface RequestOptions {
  body?: string | object;
  contentType?: string;
  headers?: Headers;
  /** Retry 5xx answers (default true); connection errors and 429 are always retried. */
  retryServerErrors?: boolean;
}

export interface ClientOptions {
  /** Target name for messages: `grafana`, `prometheus` … */
  target: string;
  baseUrl: string;
  headers: Headers;
  policy: HttpPolicy;
  redactor: Redactor;
  stats: RequestStats;
  /** Debug log sink (already filtered by verbosity). */
  log?: (line: string) => void;
  /** Sockets kept per host; matches the push concurrency. */
  maxSockets?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class HttpClient {
  private readonly axios: AxiosInstance;

  constructor(private readonly options: ClientOptions) {
    const maxSockets = options.maxSockets ?? 8;
    this.axios = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.policy.timeoutMs,
      headers: options.headers,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      httpAgent: new http.Agent({ keepAlive: true, maxSockets, noDelay: true }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets, noDelay: true }),
    });
  }

  get target(): string {
    return this.options.target;
  }

  /**
   * Send a request; answers that are not worth retrying are returned whatever their status, so
   * the caller decides what a 404 or a 412 means. Throws `PushError` when retries run out.
   */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const { policy, stats } = this.options;
    let attempt = 0;
    for (;;) {
      stats.requests += 1;
      if (method !== 'GET' && method !== 'HEAD') stats.writes += 1;
      const started = performance.now();
      const outcome = await this.once(method, path, options);
      const elapsed = Math.round(performance.now() - started);

      const retryable = this.retryable(outcome, options);
      this.log(`${method} ${path} → ${describe(outcome)} (${elapsed} ms)`);
      if (!retryable) return outcome as HttpResponse;
      if (attempt >= policy.retries) throw this.failure(method, path, outcome, attempt + 1);

      const wait = this.delay(attempt, outcome);
      this.log(`retrying ${method} ${path} in ${wait} ms (attempt ${attempt + 2})`);
      stats.retries += 1;
      attempt += 1;
      await sleep(wait);
    }
  }

  private async once(
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<HttpResponse | Error> {
    const headers: Headers = { ...options.headers };
    let data: string | undefined;
    if (options.body !== undefined) {
      data = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] = options.contentType ?? 'application/json';
    }
    try {
      const response = await this.axios.request({ method, url: path, data, headers });
      return toResponse(response);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private retryable(outcome: HttpResponse | Error, options: RequestOptions): boolean {
    if (outcome instanceof Error) return true;
    if (outcome.status === 429) return true;
    return outcome.status >= 500 && options.retryServerErrors !== false;
  }

  /** Exponential backoff with jitter, or the server's `Retry-After` when it sent one. */
  private delay(attempt: number, outcome: HttpResponse | Error): number {
    const { baseDelayMs, maxDelayMs } = this.options.policy;
    const retryAfter = outcome instanceof Error ? undefined : retryAfterMs(outcome.headers);
    if (retryAfter !== undefined) return Math.min(retryAfter, 60_000);
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  private failure(method: string, path: string, outcome: HttpResponse | Error, tries: number) {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
    const what = describe(outcome);
    const message = this.options.redactor.redact(
      `${this.target}: ${method} ${url} failed after ${tries} attempts: ${what}`,
    );
    const status = outcome instanceof Error ? undefined : outcome.status;
    return new PushError(message, { target: this.target, method, url, status });
  }

  private log(line: string): void {
    this.options.log?.(this.options.redactor.redact(`${this.target}: ${line}`));
  }
}

function toResponse(response: AxiosResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) headers[key.toLowerCase()] = String(value);
  }
  const body = typeof response.data === 'string' ? response.data : String(response.data ?? '');
  return { status: response.status, body, headers };
}

/** `Retry-After` in milliseconds: delta seconds or an HTTP date. */
export function retryAfterMs(headers: Record<string, string>): number | undefined {
  const value = headers['retry-after'];
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describe(outcome: HttpResponse | Error): string {
  if (outcome instanceof Error) {
    const code = (outcome as { code?: string }).code;
    return `${code ? code + ' ' : ''}${outcome.message}`;
  }
  const body = outcome.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  return `${outcome.status}${body ? ` ${body}` : ''}`;
}

/** Throw a `PushError` naming the request unless the answer's status is one of `accepted`. */
export function expectStatus(
  client: HttpClient,
  response: HttpResponse,
  accepted: number[],
  what: string,
): HttpResponse {
  if (accepted.includes(response.status)) return response;
  const body = response.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  throw new PushError(
    `${client.target}: ${what}: expected ${accepted.join(' or ')}, got ${response.status}${body ? ` ${body}` : ''}`,
    { target: client.target, status: response.status },
  );
}
