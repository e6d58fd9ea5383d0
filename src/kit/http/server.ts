/**
 * An instrumented HTTP server: routes by template, and for every request a SERVER span (parent
 * from the `traceparent` header), RED metrics with bounded labels, a latency exemplar, a
 * request id, and one standard log line. `/metrics` answers the scrape and is left out of RED.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { logContextFields as ctx, logFields } from '../../conventions/log-fields.ts';
import { metricNames } from '../../conventions/metrics.ts';
import type { Kit } from '../kit.ts';
import type { Logger } from '../logging/logger.ts';
import { metricsHandler } from '../metrics/handler.ts';
import { observeWithExemplar, secondsSince } from '../metrics/observe.ts';
import { extractTraceContext } from '../tracing/propagation.ts';
import { matchTemplate, methodLabel, statusClass, unmatchedRoute } from './router.ts';

/** What a route handler receives. */
export interface RequestContext {
  request: http.IncomingMessage;
  params: Record<string, string>;
  /** The parsed JSON body (undefined when empty). */
  body: unknown;
  requestId: string;
  /** A child logger carrying `request_id` (trace ids are added to every line anyway). */
  log: Logger;
  span: Span;
}

/** What a route handler returns: a status and a JSON body. */
export interface Reply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** Template, e.g. `/pets/:id`; its text is the `route` label. */
  path: string;
  handle(request: RequestContext): Promise<Reply> | Reply;
}

/** The header carrying the request id in and out. */
export const requestIdHeader = 'x-request-id';

/** An `http.Server` serving `routes` and `/metrics`, instrumented by `kit`. */
export function createHttpServer(kit: Kit, routes: Route[]): http.Server {
  const scrape = metricsHandler(kit.metrics.registry);
  zeroRequestCounters(kit, routes);
  return http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/metrics' && request.method === 'GET') return void scrape(request, response);
    void serve(kit, routes, path, request, response);
  });
}

async function serve(
  kit: Kit,
  routes: Route[],
  path: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const started = performance.now();
  const method = methodLabel(request.method);
  const found = findRoute(routes, method, path);
  const route = found?.route.path ?? unmatchedRoute;
  const requestId = requestIdOf(request);
  const inFlight = kit.metrics.gauge(metricNames.httpInFlight);
  inFlight.inc();

  const parent = extractTraceContext(request.headers);
  const span = kit.tracer.startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } },
    parent,
  );
  await context.with(trace.setSpan(parent, span), async () => {
    const log = kit.log.child({ [logFields.requestId]: requestId });
    const reply = await answer(found, request, requestId, log, span);
    response.setHeader(requestIdHeader, requestId);
    response.writeHead(reply.status, { 'Content-Type': 'application/json' });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    record(kit, { route, method, started, span, log }, reply);
  });
  span.end();
  inFlight.dec();
}

interface Served {
  route: string;
  method: string;
  started: number;
  span: Span;
  log: Logger;
}

/** Metrics, span status and the one log line of a served request (inside its span). */
function record(kit: Kit, served: Served, reply: Answer): void {
  const { route, method, started, span, log } = served;
  const labels = { route, method, status_class: statusClass(reply.status) };
  kit.metrics.counter(metricNames.httpRequests).inc(labels);
  const duration = kit.metrics.histogram(metricNames.httpDuration);
  observeWithExemplar(duration, labels, secondsSince(started));

  span.setAttribute('http.response.status_code', reply.status);
  if (reply.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });

  const fields = {
    [ctx.route]: route,
    [ctx.method]: method,
    [ctx.status]: reply.status,
    [ctx.durationMs]: Math.round((performance.now() - started) * 1000) / 1000,
    ...(reply.error ? { err: reply.error } : {}),
  };
  if (reply.status >= 500) log.error(fields, 'request failed');
  else log.info(fields, 'request handled');
}

interface Answer extends Reply {
  error?: unknown;
}

async function answer(
  found: { route: Route; params: Record<string, string> } | undefined,
  request: http.IncomingMessage,
  requestId: string,
  log: Logger,
  span: Span,
): Promise<Answer> {
  if (!found) return { status: 404, body: { error: 'not found' } };
  let body: unknown;
  try {
    body = await readJson(request);
  } catch {
    return { status: 400, body: { error: 'invalid JSON body' } };
  }
  try {
    return await found.route.handle({ request, params: found.params, body, requestId, log, span });
  } catch (error) {
    span.recordException(error as Error);
    return { status: 500, body: { error: 'internal error', request_id: requestId }, error };
  }
}

/**
 * Start every route's counters at 0 for 2xx, 4xx and 5xx, so an error-ratio panel shows 0 — not
 * "no data" — until the first error, and `rate()` sees the first error as an increase.
 */
function zeroRequestCounters(kit: Kit, routes: Route[]): void {
  const requests = kit.metrics.counter(metricNames.httpRequests);
  for (const route of routes) {
    for (const status_class of ['2xx', '4xx', '5xx']) {
      requests.inc({ route: route.path, method: methodLabel(route.method), status_class }, 0);
    }
  }
}

function findRoute(routes: Route[], method: string, path: string) {
  for (const route of routes) {
    if (methodLabel(route.method) !== method) continue;
    const params = matchTemplate(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

function requestIdOf(request: http.IncomingMessage): string {
  const given = request.headers[requestIdHeader];
  if (typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given)) return given;
  return randomUUID();
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() ? JSON.parse(text) : undefined;
}
