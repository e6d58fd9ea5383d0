/**
 * Errors when the backend is down or slow: the URL, what failed, what to try, exit code 4; and
 * configuration problems caught before any request, exit code 2. Tokens are never printed.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/project.ts';
import { freePort } from '../helpers/servers.ts';
import { runCliAsync } from './cli.ts';

describe('raw-data commands when the backend fails', () => {
  let root: string;
  let hung: http.Server;
  let hungUrl: string;
  let broken: http.Server;
  let brokenUrl: string;

  beforeAll(async () => {
    root = tempProject({});
    // Accepts connections and never answers.
    hung = http.createServer(() => undefined);
    // Answers every request with a 502 and an HTML page, like a proxy whose upstream is gone.
    broken = http.createServer((_, response) =>
      response
        .writeHead(502, { 'content-type': 'text/html' })
        .end(
          '<html><body><h1>502 Bad Gateway</h1>\n upstream prometheus:9090 unreachable</body></html>',
        ),
    );
    for (const server of [hung, broken]) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    hungUrl = `http://127.0.0.1:${(hung.address() as net.AddressInfo).port}`;
    brokenUrl = `http://127.0.0.1:${(broken.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    hung.closeAllConnections();
    await Promise.all([hung, broken].map((s) => new Promise((r) => s.close(r))));
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it.each([
    {
      command: ['query', '--promql', 'up'],
      flag: '--prometheus-url',
      what: 'Prometheus range query promql',
      path: '/api/v1/query_range',
    },
    {
      command: ['logs'],
      flag: '--loki-url',
      what: 'Loki range query',
      path: '/loki/api/v1/query_range',
    },
    {
      command: ['alerts'],
      flag: '--alertmanager-url',
      what: 'Alertmanager alerts',
      path: '/api/v2/alerts',
    },
  ])(
    '$command.0: connection refused names the URL and says what to try',
    async ({ command, flag, what, path }) => {
      const port = await freePort();
      const run = await runCliAsync(root, [...command, flag, `http://127.0.0.1:${port}`]);
      expect(run.status).toBe(4);
      expect(run.stderr).toContain(`error: ${what} failed: connection refused`);
      expect(run.stderr).toContain(`url: http://127.0.0.1:${port}${path}`);
      expect(run.stderr).toContain('hint: nothing listens there: is the server running');
    },
  );

  it('a server that never answers times out after --timeout seconds', async () => {
    const started = Date.now();
    const run = await runCliAsync(root, [
      'query',
      '--promql',
      'up',
      '--prometheus-url',
      hungUrl,
      '--timeout',
      '1',
    ]);
    const elapsed = Date.now() - started;
    expect(run.status).toBe(4);
    expect(run.stderr).toContain(
      'error: Prometheus range query promql failed: no answer within 1 s',
    );
    expect(run.stderr).toContain(`url: ${hungUrl}/api/v1/query_range`);
    expect(run.stderr).toContain('raise --timeout');
    expect(elapsed).toBeLessThan(10_000);
  });

  it('an HTTP error shows the status and an excerpt of the body, also as JSON', async () => {
    const run = await runCliAsync(root, [
      'query',
      '--promql',
      'up',
      '--prometheus-url',
      brokenUrl,
      '--json',
    ]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('failed: HTTP 502');
    expect(run.stderr).toContain(
      'response: <html><body><h1>502 Bad Gateway</h1> upstream prometheus:9090 unreachable',
    );
    expect(run.stderr).toContain('hint: the server failed');
    expect(JSON.parse(run.stdout)).toEqual({
      error: expect.objectContaining({
        failure: 'http-status',
        status: 502,
        url: `${brokenUrl}/api/v1/query_range`,
      }),
    });
  });

  it('exits 2 before any request on an unknown environment, listing the known ones', async () => {
    const run = await runCliAsync(root, ['query', '--promql', 'up', '--env', 'moon']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'unknown environment `moon`; expected one of local, staging, production',
    );
  });

  it('exits 2 naming the token variable when it is not set, and never prints a token', async () => {
    const missing = await runCliAsync(root, ['query', '--promql', 'up', '--env', 'staging']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/environment staging, prometheus: the variable \w+ is not set/);

    const variable = /the variable (\w+) is not set/.exec(missing.stderr)![1]!;
    process.env[variable] = 'secret-token-value';
    try {
      const run = await runCliAsync(root, [
        'query',
        '--promql',
        'up',
        '--env',
        'staging',
        '--timeout',
        '1',
      ]);
      expect(run.status).toBe(4);
      expect(run.stderr + run.stdout).not.toContain('secret-token-value');
    } finally {
      delete process.env[variable];
    }
  });
});
