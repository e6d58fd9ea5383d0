/**
 * The metric catalog is exactly what a kit service exposes: after every instrumented path has
 * run once, each catalog series is on the wire, with the catalog's labels, type and buckets,
 * and nothing else is — so validation checks dashboards against what services really send.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitMetrics } from '../../src/conventions/metrics.ts';
import { repoRoot } from '../../src/model/source.ts';
import { seriesNames } from '../../src/conventions/metric-types.ts';
import {
  createConsumer,
  createProducer,
  fetchService,
  runJob,
  type EventMessage,
} from '../../src/kit/index.ts';
import { listen, scrape, testKit, type Exposition } from './helpers.ts';

const { kit } = testKit();
let exposition: Exposition;

/** Run every instrumented path once: HTTP in and out, produce, consume with retries, jobs. */
async function exerciseEverything() {
  const api = await listen(kit, [
    { method: 'GET', path: '/ok', handle: () => ({ status: 200, body: 'ok' }) },
    {
      method: 'GET',
      path: '/boom',
      handle: () => {
        throw new Error('boom');
      },
    },
  ]);
  await fetchService(kit, 'self', `${api.url}/ok`);
  await fetchService(kit, 'self', `${api.url}/boom`);
  await api.close();

  const sent: EventMessage[] = [];
  const producer = createProducer(kit, async (message) => void sent.push(message));
  await producer.produce('pet.events', 'pet.adopted', { id: 1 });
  const consume = createConsumer(kit, {
    topic: 'pet.events',
    group: 'g',
    backoffMs: () => 1,
    handle: () => {
      throw new Error('always');
    },
    deadLetter: { topic: 'pet.dead-letter', transport: async (m) => void sent.push(m) },
  });
  await consume(sent[0]!);
  const failing = createProducer(kit, async () => {
    throw new Error('broker down');
  });
  await expect(failing.produce('pet.events', 'pet.adopted', {})).rejects.toThrow('broker down');

  await runJob(kit, 'tick', () => 1);
  await expect(runJob(kit, 'tick', () => Promise.reject(new Error('no')))).rejects.toThrow();
  await forceGarbageCollection();
}

/** The GC histogram has series only once a collection has been observed. */
async function forceGarbageCollection() {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
}

beforeAll(async () => {
  await exerciseEverything();
  exposition = await scrape(kit);
});
afterAll(() => kit.shutdown());

describe('metric catalog parity', () => {
  it('emits every series of the catalog', () => {
    const emitted = new Set(exposition.samples.map((s) => s.name));
    const missing = kitMetrics.flatMap(seriesNames).filter((name) => !emitted.has(name));
    expect(missing).toEqual([]);
  });

  it('emits nothing the catalog does not list', () => {
    const listed = new Set(kitMetrics.flatMap(seriesNames));
    const unknown = [...new Set(exposition.samples.map((s) => s.name))].filter(
      (name) => !listed.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it.each(kitMetrics.map((m) => [m.name, m] as const))('%s has the catalog labels', (_, spec) => {
    const samples = exposition.samples.filter((s) => seriesNames(spec).includes(s.name));
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      const labels = Object.keys(sample.labels).filter((l) => l !== 'le');
      expect(labels.sort(), `${sample.name}`).toEqual([...spec.labels].sort());
    }
  });

  it.each(kitMetrics.map((m) => [m.name, m] as const))('%s has the catalog type', (_, spec) => {
    // OpenMetrics names a counter family without its `_total` suffix.
    const family = spec.type === 'counter' ? spec.name.replace(/_total$/, '') : spec.name;
    expect(exposition.types.get(family)).toBe(spec.type);
  });

  it('sets no target label: service, team, env, instance and job come from the scrape', () => {
    const clashing = exposition.samples.filter((s) =>
      ['service', 'team', 'env', 'instance'].some((label) => label in s.labels),
    );
    expect(clashing).toEqual([]);
  });

  it.each(kitMetrics.filter((m) => m.buckets).map((m) => [m.name, m] as const))(
    '%s has the catalog bucket layout',
    (_, spec) => {
      const bounds = exposition.samples
        .filter((s) => s.name === `${spec.name}_bucket`)
        .map((s) => s.labels.le!);
      const layout = [...new Set(bounds)];
      expect(layout).toEqual([...spec.buckets!.map(String), '+Inf']);
    },
  );
});

describe('documented catalog', () => {
  it('lists every catalog metric with its type and labels in docs/instrumentation.md', () => {
    // Prettier pads table cells; compare with runs of spaces collapsed.
    const doc = fs
      .readFileSync(path.join(repoRoot, 'docs/instrumentation.md'), 'utf8')
      .replace(/ +/g, ' ');
    const missing = kitMetrics.filter((m) => {
      const labels = m.labels.map((l) => `\`${l}\``).join(', ') || '—';
      return !doc.includes(`| \`${m.name}\` | ${m.type} | ${labels} |`);
    });
    expect(missing.map((m) => m.name)).toEqual([]);
  });
});
