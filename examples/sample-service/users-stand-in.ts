/**
 * An in-process stand-in for the users service (a plain HTTP server, not the real one), so the
 * sample's calls to a dependency are real HTTP calls with trace headers and client metrics.
 * Owner ids starting with `ghost` do not exist.
 */
import http from 'node:http';
import type net from 'node:net';

export interface UsersStandIn {
  url: string;
  /** `traceparent` headers received, in order (tests check propagation with them). */
  traceparents: string[];
  stop(): Promise<void>;
}

export async function startUsersStandIn(): Promise<UsersStandIn> {
  const traceparents: string[] = [];
  const server = http.createServer((request, response) => {
    const header = request.headers.traceparent;
    if (typeof header === 'string') traceparents.push(header);
    const id = /^\/users\/([^/]+)$/.exec(request.url ?? '')?.[1];
    if (!id || id.startsWith('ghost')) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ id, name: `owner ${id}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    traceparents,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
