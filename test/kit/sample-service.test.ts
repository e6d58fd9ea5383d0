/**
 * The sample service end to end in-process: HTTP routes, the call to the users stand-in with
 * trace context, the event path through the in-process Kafka stand-in (retries, dead letter),
 * the worker job, and the rotating log file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHeaders, metricNames } from '../../src/conventions/metrics.ts';
import {
  projectionGroup,
  startSampleService,
  type SampleService,
} from '../../examples/sample-service/service.ts';
import { scrape } from './helpers.ts';

const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sample-logs-')), 'pets.log');
let sample: SampleService;

const adopt = (name: string, ownerId = 'u1') =>
  fetch(`${sample.url}/pets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-request-id': `adopt-${name}` },
    body: JSON.stringify({ name, ownerId }),
  });

beforeAll(async () => {
  sample = await startSampleService({
    port: 0,
    failEvery: 2,
    tickMs: 0,
    kit: {
      logStream: { write() {} },
      logFile: { file: logFile },
      tracing: { exporter: new InMemorySpanExporter() },
    },
  });
});
afterAll(() => sample.stop());

describe('sample service', () => {
  it('adopts a pet, calling users with the trace and producing pet.adopted', async () => {
    const response = await adopt('Rex');
    expect(response.status).toBe(201);
    await sample.kafka.drain();
    const [event] = sample.kafka.sent.get('pet.events')!;
    expect(event!.headers[eventHeaders.eventName]).toBe('pet.adopted');
    const traceId = event!.headers.traceparent!.split('-')[1];
    expect(sample.usersTraceparents.at(-1)!.split('-')[1]).toBe(traceId);
    expect(sample.store.adoptionsSeen).toBe(1);
  });

  it('answers 422 for an unknown owner and 400 for a missing name', async () => {
    expect((await adopt('Tom', 'ghost-1')).status).toBe(422);
    expect((await adopt('')).status).toBe(400);
  });

  it('fails every second state read with a 500, as configured', async () => {
    const { id } = (await (await adopt('Kit')).json()) as { id: string };
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await fetch(`${sample.url}/pets/${id}/state`)).status);
    expect(statuses).toEqual([200, 500, 200, 500]);
  });

  it('dead-letters an event its consumer cannot handle, after retries', async () => {
    await adopt('poison');
    await sample.kafka.drain();
    const dead = sample.kafka.sent.get('pet.dead-letter') ?? [];
    expect(dead.map((m) => (m.value as { name: string }).name)).toEqual(['poison']);
    const { samples } = await scrape(sample.kit);
    const value = (name: string) =>
      samples.find((s) => s.name === name && s.labels.group === projectionGroup)?.value;
    expect(value(metricNames.deadLettered)).toBe(1);
    expect(value(metricNames.retries)).toBe(2);
  });

  it('writes standard lines with request ids to its log file', () => {
    const lines = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const adopted = lines.find((l) => l.request_id === 'adopt-Rex' && l.event === 'pet.adopted');
    expect(adopted).toMatchObject({ service: 'pets', level: 'info' });
    expect(adopted!.trace_id).toMatch(/^[0-9a-f]{32}$/);
    const failed = lines.find((l) => l.error_type === 'StateStoreTimeout');
    expect(failed).toMatchObject({ level: 'error', status: 500, route: '/pets/:id/state' });
  });
});
