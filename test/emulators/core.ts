/**
 * The base of every API emulator: an in-process `node:http` server on a free loopback port
 * that records each request, injects faults (a status such as 500, 429 with `Retry-After` or a
 * 412/409 conflict; a dropped connection; a slow answer), and keeps expectations: each fault and
 * each `expect()` a test sets up must be met, and `assertExpectationsMet()` fails the test when
 * one was not. These are test doubles that follow shared/reference/api-contracts.md, not servers.
 */
import http from 'node:http';
import type net from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a route answers. Objects are sent as JSON; strings as given with `contentType`. */
export interface Reply {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Fault =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'drop' }
  | { type: 'delay'; ms: number };

export interface FaultSpec {
  method?: string;
  /** Exact path or a pattern tested against the path (without the query). */
  path: string | RegExp;
  /** How many matching requests the fault hits; it must hit exactly that many. Default 1. */
  times?: number;
  fault: Fault;
}

interface Expectation {
  description: string;
  matches(request: RecordedRequest): boolean;
  check(count: number): boolean;
  seen: number;
}

const matchesPath = (pattern: string | RegExp, path: string) =>
  typeof pattern === 'string' ? pattern === path : pattern.test(path);

export abstract class Emulator {
  readonly requests: RecordedRequest[] = [];
  /** The most requests this emulator was answering at the same time. */
  maxInFlight = 0;
  private inFlight = 0;
  private server: http.Server | undefined;
  private readonly faults: (FaultSpec & { left: number; expectation: Expectation })[] = [];
  private readonly expectations: Expectation[] = [];
  private readonly sockets = new Set<net.Socket>();
  url = '';

  /** Answer one request; the subclass implements the API. */
  protected abstract route(request: RecordedRequest): Reply | Promise<Reply>;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as net.AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** Inject a fault; it is also an expectation that it fires exactly `times` times. */
  inject(spec: FaultSpec): this {
    const times = spec.times ?? 1;
    const expectation: Expectation = {
      description: `fault ${spec.fault.type}${spec.fault.type === 'status' ? ' ' + spec.fault.status : ''} on ${spec.method ?? '*'} ${String(spec.path)} ×${times}`,
      matches: () => false,
      check: (n) => n === times,
      seen: 0,
    };
    this.faults.push({ ...spec, left: times, expectation });
    this.expectations.push(expectation);
    return this;
  }

  /** Expect requests matching `method path`: exactly `count`, or at least `atLeast`. */
  expect(
    method: string,
    path: string | RegExp,
    amount: { count: number } | { atLeast: number } = { atLeast: 1 },
  ): this {
    const wanted = 'count' in amount ? `exactly ${amount.count}` : `at least ${amount.atLeast}`;
    this.expectations.push({
      description: `${wanted} ${method} ${String(path)}`,
      matches: (r) => r.method === method && matchesPath(path, r.path),
      check: (n) => ('count' in amount ? n === amount.count : n >= amount.atLeast),
      seen: 0,
    });
    return this;
  }

  /** Throw naming every expectation that was not met. */
  assertExpectationsMet(): void {
    const unmet = this.expectations.filter((e) => !e.check(e.seen));
    if (unmet.length) {
      throw new Error(
        `unmet emulator expectations:\n${unmet.map((e) => `  ${e.description} (seen ${e.seen})`).join('\n')}`,
      );
    }
  }

  /** Requests that can change state. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  /** Forget recorded requests and expectations (state stays). */
  reset(): void {
    this.requests.length = 0;
    this.expectations.length = 0;
    this.faults.length = 0;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => (this.inFlight -= 1));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    // Keep the raw (still encoded) path for routes that split on `/`.
    (request as RecordedRequest & { rawPath: string }).rawPath = url.pathname;
    this.requests.push(request);
    for (const e of this.expectations) if (e.matches(request)) e.seen += 1;

    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === request.method) &&
        matchesPath(f.path, request.path),
    );
    if (fault) {
      fault.left -= 1;
      fault.expectation.seen += 1;
      if (fault.fault.type === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.fault.type === 'status') {
        send(res, {
          status: fault.fault.status,
          body: fault.fault.body ?? '',
          headers: fault.fault.headers ?? {},
        });
        return;
      }
      await new Promise((r) => setTimeout(r, (fault.fault as { ms: number }).ms));
      if (res.destroyed) return;
    }
    try {
      send(res, await this.route(request));
    } catch (error) {
      send(res, { status: 500, body: { message: `emulator bug: ${(error as Error).message}` } });
    }
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const isText = typeof reply.body === 'string';
  const body =
    reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const type = reply.contentType ?? (isText ? 'text/plain; charset=utf-8' : 'application/json');
  res.writeHead(reply.status, { 'Content-Type': type, ...reply.headers });
  res.end(body);
}

/** The raw (percent-encoded) path of a request, split into decoded segments. */
export function segments(request: RecordedRequest): string[] {
  const raw = (request as RecordedRequest & { rawPath: string }).rawPath;
  return raw.split('/').filter(Boolean).map(decodeURIComponent);
}
