/**
 * `obs logs` against the Loki query emulator: the LogQL built from the flags, the standardized
 * fields printed readably with the trace id, JSON output, and following new lines by polling.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/project.ts';
import { eventually } from '../helpers/servers.ts';
import { startLokiQueryEmulator, type LokiQueryEmulator } from '../emulators/loki-query.ts';
import { buildLogQuery } from '../../src/raw/logql.ts';
import { runCliAsync, startCli } from './cli.ts';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

function line(fields: Record<string, unknown>): string {
  return JSON.stringify(fields);
}

describe('obs logs (Loki query emulator)', () => {
  let loki: LokiQueryEmulator;
  let root: string;

  beforeAll(async () => {
    loki = await startLokiQueryEmulator();
    root = tempProject({});
    const at = minutesAgo(10);
    loki.push({ service: 'pets', env: 'test', level: 'info' }, [
      [
        minutesAgo(12),
        line({
          time: minutesAgo(12).toISOString(),
          level: 'info',
          service: 'pets',
          msg: 'pet adopted',
          trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
          route: '/pets',
        }),
      ],
    ]);
    loki.push({ service: 'pets', env: 'test', level: 'error' }, [
      [
        at,
        line({
          time: at.toISOString(),
          level: 'error',
          service: 'pets',
          msg: 'adoption failed',
          trace_id: '0af7651916cd43dd8448eb211c80319c',
          error_type: 'TimeoutError',
          error_message: 'users did not answer in 2 s',
          error_stack: 'TimeoutError: users did not answer\n    at adopt (src/adopt.ts:42:11)',
        }),
      ],
    ]);
    loki.push({ service: 'users', env: 'test', level: 'warn' }, [
      [
        minutesAgo(8),
        line({
          time: minutesAgo(8).toISOString(),
          level: 'warn',
          service: 'users',
          msg: 'slow login',
          trace_id: 'aa11',
        }),
      ],
      [minutesAgo(7), 'plain text line from a legacy job'],
    ]);
    loki.push({ service: 'users', env: 'prod', level: 'error' }, [
      [minutesAgo(6), line({ level: 'error', service: 'users', msg: 'in another env' })],
    ]);
  });
  afterAll(async () => {
    await loki?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it.each([
    { name: 'one service', search: { services: ['pets'] }, logql: '{service="pets"}' },
    {
      name: 'services, level and text',
      search: { services: ['pets', 'users'], env: 'test', level: 'warn', text: 'say "hi"' },
      logql: '{service=~"pets|users", env="test", level=~"warn|error|fatal"} |= "say \\"hi\\""',
    },
    { name: 'nothing', search: { services: [] }, logql: '{service=~".+"}' },
    {
      name: 'trace level means every level',
      search: { services: ['a'], level: 'trace' },
      logql: '{service="a"}',
    },
  ])('builds LogQL from $name', ({ search, logql }) => {
    expect(buildLogQuery(search)).toBe(logql);
  });

  it('prints the standardized fields readably, oldest first, with the trace id', async () => {
    const run = await runCliAsync(root, [
      'logs',
      '--loki-url',
      loki.url,
      '--service',
      'pets,users',
      '--env-label',
      'test',
      '--since',
      '1h',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(
      /^\S+Z INFO  pets  pet adopted  trace_id=4bf92f3577b34da6a3ce929d0e0e4736  route=\/pets$/,
    );
    expect(lines[1]).toMatch(
      /^\S+Z ERROR pets  adoption failed  error_type=TimeoutError  error_message=users did not answer in 2 s  trace_id=0af7651916cd43dd8448eb211c80319c$/,
    );
    expect(lines[2]).toBe('    at adopt (src/adopt.ts:42:11)');
    expect(lines[3]).toMatch(/WARN  users  slow login  trace_id=aa11$/);
    expect(lines[4]).toMatch(/WARN  users  plain text line from a legacy job$/);

    const request = loki.requests.at(-1)!;
    expect(request.path).toBe('/loki/api/v1/query_range');
    expect(request.params.query).toBe('{service=~"pets|users", env="test"}');
    expect(request.params.direction).toBe('backward');
  });

  it('filters by level and text, and prints JSON lines', async () => {
    const run = await runCliAsync(root, [
      'logs',
      '--loki-url',
      loki.url,
      '--level',
      'error',
      '--text',
      'adoption',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const entries = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { labels: object; fields: { msg: string; trace_id: string } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.labels).toEqual({ service: 'pets', env: 'test', level: 'error' });
    expect(entries[0]!.fields).toMatchObject({
      msg: 'adoption failed',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
    });
  });

  it('keeps the newest --limit lines', async () => {
    const run = await runCliAsync(root, ['logs', '--loki-url', loki.url, '--limit', '2']);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('plain text line');
    expect(lines[1]).toContain('in another env');
  });

  it('follows: prints lines pushed after it started, each once', async () => {
    const follow = startCli(root, [
      'logs',
      '--loki-url',
      loki.url,
      '--service',
      'care',
      '--follow',
      '--interval',
      '200ms',
    ]);
    await eventually(
      () =>
        loki.requests.some(
          (r) => r.params.query === '{service="care"}' && r.params.direction === 'forward',
        ) || undefined,
      15_000,
      'the first poll',
    );

    const first = new Date();
    loki.push({ service: 'care', env: 'test', level: 'info' }, [
      [first, line({ level: 'info', service: 'care', msg: 'pet fed', trace_id: 't1' })],
    ]);
    await eventually(
      () => (follow.stdout().includes('pet fed') ? true : undefined),
      15_000,
      'the first line',
    );
    loki.push({ service: 'care', env: 'test', level: 'info' }, [
      [
        new Date(first.getTime() + 5),
        line({ level: 'info', service: 'care', msg: 'pet washed', trace_id: 't2' }),
      ],
    ]);
    await eventually(
      () => (follow.stdout().includes('pet washed') ? true : undefined),
      15_000,
      'the second line',
    );
    await new Promise((r) => setTimeout(r, 600)); // a few more polls must not repeat anything

    follow.child.kill('SIGINT');
    const run = await follow.done;
    expect(run.status).toBe(0);
    expect(run.stdout.match(/pet fed/g)).toHaveLength(1);
    expect(run.stdout.match(/pet washed/g)).toHaveLength(1);
  });

  it('exits 4 with Loki’s message when it refuses the query', async () => {
    const run = await runCliAsync(root, [
      'logs',
      '--loki-url',
      loki.url,
      '--logql',
      '{service="pets"} | unknown',
    ]);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('Loki range query failed: HTTP 400');
    expect(run.stderr).toContain(`url: ${loki.url}/loki/api/v1/query_range`);
    expect(run.stderr).toContain('response: parse error');
  });

  it('exits 2 on an unknown level, naming the levels', async () => {
    const run = await runCliAsync(root, ['logs', '--loki-url', loki.url, '--level', 'loud']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'level `loud` is unknown; expected one of trace, debug, info, warn, error, fatal',
    );
  });
});
