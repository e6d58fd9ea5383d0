/**
 * Start real Prometheus and Alertmanager on free loopback ports for a test, in a temporary
 * folder, and stop them afterwards. Also a small webhook receiver that records what it gets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { binary } from './binaries.ts';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  /** The server's working folder (config, rules, data). */
  dir: string;
  /** Everything the process printed, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

class ExitedEarly extends Error {}

/**
 * Whether `child` itself holds the listening socket on `port` (Linux: the socket inode in
 * /proc/net/tcp is one of the process's file descriptors). True where /proc cannot tell.
 */
function listensOn(child: ChildProcess, port: number): boolean {
  if (!child.pid || !fs.existsSync('/proc/net/tcp')) return true;
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  try {
    return fs.readdirSync(`/proc/${child.pid}/fd`).some((fd) => {
      try {
        const target = fs.readlinkSync(`/proc/${child.pid}/fd/${fd}`);
        return inodes.has(/socket:\[(\d+)\]/.exec(target)?.[1] ?? '');
      } catch {
        return false;
      }
    });
  } catch {
    return true;
  }
}

/**
 * Wait until the server answers `ready` and `isOurs` confirms the answer comes from this
 * process: `freePort()` releases its port before the server binds it, so another test's server
 * may take it in between (ours then exits with "address already in use").
 */
async function waitReady(
  url: string,
  logs: () => string,
  child: ChildProcess,
  isOurs: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new ExitedEarly(`server exited (${child.exitCode}):\n${logs()}`);
    try {
      const response = await fetch(url);
      if (response.ok && (await isOurs()) && child.exitCode === null) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} not ready in 20 s:\n${logs()}`);
}

/** Start a server on a free port, trying a fresh port when another process took it first. */
async function startOnFreePort(
  start: (port: number) => Promise<RunningServer>,
  attempts = 3,
): Promise<RunningServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (!(error instanceof ExitedEarly) || attempt >= attempts) throw error;
    }
  }
}

function launch(
  bin: string,
  args: string[],
  dir: string,
): { child: ChildProcess; logs: () => string } {
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, logs: () => output };
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export interface PrometheusOptions {
  /** prometheus.yml content; a minimal config with `rule_files: [rules/*.yaml]` by default. */
  config?: string;
  /** Files to put in the working folder before start, path → content. */
  files?: Record<string, string>;
  /** Run in the working folder before start, e.g. to fill `data/` with a TSDB block. */
  prepare?: (dir: string) => void;
  extraArgs?: string[];
}

/** Start `prometheus` with `--web.enable-lifecycle` on a free port. */
export async function startPrometheus(options: PrometheusOptions = {}): Promise<RunningServer> {
  return startOnFreePort((port) => launchPrometheus(options, port));
}

async function launchPrometheus(options: PrometheusOptions, port: number): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-prom-'));
  const config =
    options.config ??
    'global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nrule_files:\n  - rules/*.yaml\n';
  fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), config);
  for (const [file, content] of Object.entries(options.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  options.prepare?.(dir);
  return serve(binary('prometheus'), dir, port, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    '--web.enable-lifecycle',
    ...(options.extraArgs ?? []),
  ]);
}

/**
 * Run `bin` listening on `port` from `dir` and wait until it answers `/-/ready` as itself; the
 * folder is removed when the server stops (or fails to start).
 */
async function serve(
  bin: string,
  dir: string,
  port: number,
  args: string[],
): Promise<RunningServer> {
  const { child, logs } = launch(bin, [...args, `--web.listen-address=127.0.0.1:${port}`], dir);
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child, dir);
  await waitReady(`${url}/-/ready`, logs, child, async () => listensOn(child, port)).catch(
    async (error) => {
      await stop();
      throw error;
    },
  );
  return { url, port, dir, logs, stop };
}

export interface AlertmanagerOptions {
  /** alertmanager.yml content. */
  config: string;
  extraArgs?: string[];
}

/** Start Alertmanager (Debian's `prometheus-alertmanager`) on a free port, clustering off. */
export async function startAlertmanager(options: AlertmanagerOptions): Promise<RunningServer> {
  return startOnFreePort((port) => launchAlertmanager(options, port));
}

async function launchAlertmanager(
  options: AlertmanagerOptions,
  port: number,
): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-am-'));
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), options.config);
  return serve(binary('prometheus-alertmanager'), dir, port, [
    `--config.file=${path.join(dir, 'alertmanager.yml')}`,
    `--storage.path=${path.join(dir, 'data')}`,
    '--cluster.listen-address=',
    ...(options.extraArgs ?? []),
  ]);
}

export interface WebhookReceiver {
  url: string;
  /** Bodies received, parsed as JSON. */
  received: unknown[];
  /** Make the next requests answer this status (e.g. 500 to simulate a failing channel). */
  respondWith(status: number): void;
  stop(): Promise<void>;
}

/** An HTTP endpoint that records Alertmanager webhook notifications. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: unknown[] = [];
  let status = 200;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      try {
        received.push(JSON.parse(body));
      } catch {
        received.push(body);
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    respondWith: (next) => (status = next),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Poll `check` until it returns a value other than undefined, or fail after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  ms = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
