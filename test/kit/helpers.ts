/** Shared pieces of the kit tests: a captured log stream, an exposition parser, a started kit. */
import http from 'node:http';
import type net from 'node:net';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createHttpServer, createKit, type Kit, type Route } from '../../src/kit/index.ts';

/** A pino destination keeping each line parsed. */
export function captureLines() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (chunk: string) => void lines.push(JSON.parse(chunk)) } };
}

/** A kit for tests: logs captured, spans kept in memory. */
export function testKit(service = 'pets') {
  const logs = captureLines();
  const spans = new InMemorySpanExporter();
  const kit = createKit({
    service,
    env: 'test',
    version: '1.2.3',
    commit: 'abc123',
    logLevel: 'debug',
    logStream: logs.stream,
    tracing: { exporter: spans },
  });
  return { kit, logs: logs.lines, spans };
}

export interface Listening {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** The kit's HTTP server with `routes`, on a free loopback port. */
export async function listen(kit: Kit, routes: Route[]): Promise<Listening> {
  const server = createHttpServer(kit, routes);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  exemplar?: Record<string, string>;
}

export interface Exposition {
  samples: Sample[];
  /** Family name → type, from `# TYPE` lines. */
  types: Map<string, string>;
}

/** Parse Prometheus / OpenMetrics text: label values here never hold ` # `. */
export function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (!line || line.startsWith('#')) continue;
    const [series, exemplar] = line.split(' # ');
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(series!);
    if (!match) throw new Error(`unparsable exposition line: ${line}`);
    samples.push({
      name: match[1]!,
      labels: parseLabels(match[2] ?? ''),
      value: Number(match[3]),
      ...(exemplar ? { exemplar: parseLabels(/^\{(.*)\}/.exec(exemplar)?.[1] ?? '') } : {}),
    });
  }
  return { samples, types };
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
    labels[m[1]!] = m[2]!;
  }
  return labels;
}

/** Scrape the kit's registry as Prometheus would. */
export async function scrape(kit: Kit): Promise<Exposition> {
  return parseExposition(await kit.metrics.registry.metrics());
}
