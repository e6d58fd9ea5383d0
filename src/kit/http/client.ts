/**
 * Calls to other services: a CLIENT span whose context travels in the `traceparent` header, and
 * the client RED metrics labelled by the peer service (never the URL, which is unbounded).
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { metricNames } from '../../conventions/metrics.ts';
import type { Kit } from '../kit.ts';
import { observeWithExemplar, secondsSince } from '../metrics/observe.ts';
import { injectTraceContext } from '../tracing/propagation.ts';
import { methodLabel, statusClass } from './router.ts';

/** `status_class` of a call that got no response at all (connection refused, timeout). */
export const noResponseClass = 'error';

/** `fetch` to the catalog service `peerService`, traced and measured. */
export async function fetchService(
  kit: Kit,
  peerService: string,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const method = methodLabel(init.method ?? 'GET');
  const started = performance.now();
  const span = kit.tracer.startSpan(`${method} ${peerService}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': method, 'peer.service': peerService },
  });
  const spanContext = trace.setSpan(context.active(), span);
  const headers = injectTraceContext(headersOf(init.headers), spanContext);

  zeroOnce(kit, peerService, method);
  let status: string = noResponseClass;
  try {
    const response = await context.with(spanContext, () => fetch(url, { ...init, headers }));
    status = statusClass(response.status);
    span.setAttribute('http.response.status_code', response.status);
    if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    const labels = { peer_service: peerService, method, status_class: status };
    kit.metrics.counter(metricNames.clientRequests).inc(labels);
    const duration = kit.metrics.histogram(metricNames.clientDuration);
    context.with(spanContext, () => observeWithExemplar(duration, labels, secondsSince(started)));
    span.end();
  }
}

function headersOf(given: RequestInit['headers']): Record<string, string> {
  return Object.fromEntries(new Headers(given).entries());
}

const zeroed = new WeakMap<Kit, Set<string>>();

/** Start a peer's counters at 0 for every outcome on the first call (see server.ts). */
function zeroOnce(kit: Kit, peer_service: string, method: string): void {
  const seen = zeroed.get(kit) ?? new Set<string>();
  zeroed.set(kit, seen);
  if (seen.has(`${peer_service} ${method}`)) return;
  seen.add(`${peer_service} ${method}`);
  for (const status_class of ['2xx', '4xx', '5xx', noResponseClass]) {
    kit.metrics.counter(metricNames.clientRequests).inc({ peer_service, method, status_class }, 0);
  }
}
