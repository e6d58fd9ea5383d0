/**
 * W3C trace context across HTTP and message headers, with the OpenTelemetry in-memory
 * exporter: a client call and the request it makes are one trace; so are a produced event and
 * its handling, the dead-lettered copy included.
 */
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventHeaders } from '../../src/conventions/metrics.ts';
import {
  createConsumer,
  createProducer,
  extractTraceContext,
  fetchService,
  injectTraceContext,
  type EventMessage,
} from '../../src/kit/index.ts';
import { trace } from '@opentelemetry/api';
import { listen, testKit, type Listening } from './helpers.ts';

const { kit, spans, logs } = testKit();
let api: Listening;
const seenHeaders: Record<string, unknown>[] = [];

beforeAll(async () => {
  api = await listen(kit, [
    {
      method: 'GET',
      path: '/pets/:id',
      handle: ({ request, log }) => {
        seenHeaders.push({ ...request.headers });
        log.info('serving');
        return { status: 200, body: {} };
      },
    },
  ]);
});
beforeEach(() => spans.reset());
afterAll(async () => {
  await api.close();
  await kit.shutdown();
});

const byKind = (kind: SpanKind) => spans.getFinishedSpans().filter((s) => s.kind === kind);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('trace context over HTTP', () => {
  it('makes the server span a child of the client span, in one trace', async () => {
    await kit.tracer.startActiveSpan('adopt', async (root) => {
      await fetchService(kit, 'pets', `${api.url}/pets/7`);
      root.end();
    });
    const [client] = byKind(SpanKind.CLIENT);
    const [server] = byKind(SpanKind.SERVER);
    expect(server!.spanContext().traceId).toBe(client!.spanContext().traceId);
    expect(parentOf(server!)).toBe(client!.spanContext().spanId);
    expect(server!.name).toBe('GET /pets/:id');
    expect(seenHeaders.at(-1)!.traceparent).toMatch(
      new RegExp(`^00-${client!.spanContext().traceId}-${client!.spanContext().spanId}-01$`),
    );
  });

  it('continues a trace started by a caller outside the kit', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await fetch(`${api.url}/pets/1`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const [server] = byKind(SpanKind.SERVER);
    expect(server!.spanContext().traceId).toBe(traceId);
    expect(parentOf(server!)).toBe('00f067aa0ba902b7');
    const line = logs.find((l) => l.msg === 'serving' && l.trace_id === traceId);
    expect(line?.span_id).toBe(server!.spanContext().spanId);
  });

  it('carries the service resource attributes on every span', async () => {
    await fetch(`${api.url}/pets/1`);
    const [server] = byKind(SpanKind.SERVER);
    expect(server!.resource.attributes).toMatchObject({
      'service.name': 'pets',
      'service.version': '1.2.3',
      'deployment.environment': 'test',
    });
  });
});

describe('trace context over message headers', () => {
  it('makes the consumer span a child of the producer span', async () => {
    const sent: EventMessage[] = [];
    const producer = createProducer(kit, async (m) => void sent.push(m));
    const consume = createConsumer(kit, { topic: 'pet.events', group: 'g', handle: () => {} });
    await producer.produce('pet.events', 'pet.adopted', { id: 1 });
    expect(await consume(sent[0]!)).toBe('handled');

    const [produced] = byKind(SpanKind.PRODUCER);
    const [consumed] = byKind(SpanKind.CONSUMER);
    expect(sent[0]!.headers.traceparent).toContain(produced!.spanContext().spanId);
    expect(consumed!.spanContext().traceId).toBe(produced!.spanContext().traceId);
    expect(parentOf(consumed!)).toBe(produced!.spanContext().spanId);
    expect(Number(sent[0]!.headers[eventHeaders.producedAt])).toBeGreaterThan(0);
    expect(sent[0]!.headers[eventHeaders.eventName]).toBe('pet.adopted');
  });

  it('keeps the trace on the dead-lettered copy after the last retry', async () => {
    const dead: EventMessage[] = [];
    let attempts = 0;
    const consume = createConsumer(kit, {
      topic: 'pet.events',
      group: 'g',
      maxAttempts: 3,
      backoffMs: () => 1,
      handle: () => {
        attempts++;
        throw new Error('cannot');
      },
      deadLetter: { topic: 'pet.dead-letter', transport: async (m) => void dead.push(m) },
    });
    const headers = injectTraceContext(
      {},
      trace.setSpanContext(extractTraceContext({}), {
        traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        spanId: 'bbbbbbbbbbbbbbbb',
        traceFlags: 1,
      }),
    );
    expect(await consume({ topic: 'pet.events', value: {}, headers })).toBe('dead-lettered');
    expect(attempts).toBe(3);
    expect(dead[0]!.topic).toBe('pet.dead-letter');
    expect(dead[0]!.headers[eventHeaders.attempts]).toBe('3');
    expect(dead[0]!.headers.traceparent).toMatch(/^00-a{32}-[0-9a-f]{16}-01$/);
    const failure = logs.filter((l) => l.msg === 'event failed after last attempt').at(-1);
    expect(failure).toMatchObject({ trace_id: 'a'.repeat(32), topic: 'pet.events', group: 'g' });
  });

  it('reads trace headers given as Buffers, as Kafka clients deliver them', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const ctx = extractTraceContext({ traceparent: Buffer.from(traceparent) });
    expect(trace.getSpanContext(ctx)?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});
