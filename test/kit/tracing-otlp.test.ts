/** Spans leave the process over OTLP/HTTP with the service's resource attributes. */
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKit, type Kit } from '../../src/kit/index.ts';
import { eventually } from '../helpers/servers.ts';

const received: { path: string; contentType: string; body: string }[] = [];
let collector: http.Server;
let kit: Kit;

beforeAll(async () => {
  collector = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        contentType: String(request.headers['content-type']),
        body,
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as net.AddressInfo;
  kit = createKit({
    service: 'pets',
    env: 'staging',
    version: '2.0.0',
    logStream: { write() {} },
    tracing: { otlpEndpoint: `http://127.0.0.1:${port}/v1/traces` },
  });
});
afterAll(async () => {
  await kit.shutdown();
  await new Promise((resolve) => collector.close(resolve));
});

it('exports spans over OTLP/HTTP with service name, version and environment', async () => {
  kit.tracer.startActiveSpan('adopt pet', (span) => span.end());
  await kit.shutdown();
  const request = await eventually(() => received.find((r) => r.path === '/v1/traces'), 10_000);
  const body = JSON.parse(request.body) as {
    resourceSpans: {
      resource: { attributes: { key: string; value: { stringValue: string } }[] };
      scopeSpans: { spans: { name: string; traceId: string }[] }[];
    }[];
  };
  const [resourceSpans] = body.resourceSpans;
  const attributes = Object.fromEntries(
    resourceSpans!.resource.attributes.map((a) => [a.key, a.value.stringValue]),
  );
  expect(attributes).toMatchObject({
    'service.name': 'pets',
    'service.version': '2.0.0',
    'deployment.environment': 'staging',
  });
  expect(resourceSpans!.scopeSpans[0]!.spans.map((s) => s.name)).toEqual(['adopt pet']);
});
