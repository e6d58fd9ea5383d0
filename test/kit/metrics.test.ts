/** RED metrics with bounded labels, exemplars carrying the request's trace, and bucket layout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { latencyBuckets, metricNames } from '../../src/conventions/metrics.ts';
import { methodLabel, statusClass, unmatchedRoute } from '../../src/kit/index.ts';
import { listen, scrape, testKit, type Listening } from './helpers.ts';

const { kit, spans } = testKit();
let api: Listening;

beforeAll(async () => {
  api = await listen(kit, [
    { method: 'GET', path: '/pets/:id', handle: ({ params }) => ({ status: 200, body: params }) },
    { method: 'POST', path: '/pets', handle: () => ({ status: 201 }) },
    { method: 'GET', path: '/quiet', handle: () => ({ status: 204 }) },
  ]);
  // A caller that decided not to sample: its requests must not become exemplars.
  const unsampled = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
  await fetch(`${api.url}/quiet`, { headers: { traceparent: unsampled } });
  for (const id of ['1', '2', 'three']) await fetch(`${api.url}/pets/${id}`);
  await fetch(`${api.url}/pets/1/nothing-here`);
  await fetch(`${api.url}/pets`, { method: 'POST', body: '{not json' });
  await fetch(`${api.url}/pets`, { method: 'PROPFIND' });
});
afterAll(async () => {
  await api.close();
  await kit.shutdown();
});

const requests = async () =>
  (await scrape(kit)).samples.filter((s) => s.name === metricNames.httpRequests);

describe('HTTP server RED metrics', () => {
  it('label requests by route template, never by raw path', async () => {
    const routes = new Set((await requests()).map((s) => s.labels.route));
    expect([...routes].sort()).toEqual(['/pets', '/pets/:id', '/quiet', unmatchedRoute].sort());
  });

  it('count each request once under its template, method and status class', async () => {
    const byKey = Object.fromEntries(
      (await requests())
        .filter((s) => s.value > 0)
        .map((s) => [`${s.labels.method} ${s.labels.route} ${s.labels.status_class}`, s.value]),
    );
    expect(byKey).toEqual({
      'GET /pets/:id 2xx': 3,
      'GET unmatched 4xx': 1,
      'POST /pets 4xx': 1,
      'OTHER unmatched 4xx': 1,
      'GET /quiet 2xx': 1,
    });
  });

  it('start every route at 0 errors, so error panels show 0 instead of no data', async () => {
    const errors = (await requests()).filter((s) => s.labels.status_class === '5xx');
    expect(errors.map((s) => [s.labels.method, s.labels.route, s.value])).toEqual([
      ['GET', '/pets/:id', 0],
      ['POST', '/pets', 0],
      ['GET', '/quiet', 0],
    ]);
  });

  it('attach the serving span as exemplar of the latency bucket', async () => {
    const buckets = (await scrape(kit)).samples.filter(
      (s) => s.name === `${metricNames.httpDuration}_bucket` && s.exemplar,
    );
    expect(buckets.length).toBeGreaterThan(0);
    const serverSpans = spans.getFinishedSpans().map((s) => s.spanContext());
    for (const { exemplar } of buckets) {
      expect(serverSpans).toContainEqual(
        expect.objectContaining({ traceId: exemplar!.trace_id, spanId: exemplar!.span_id }),
      );
    }
  });

  it('attach no exemplar for a trace that is not sampled', async () => {
    const quiet = (await scrape(kit)).samples.filter(
      (s) => s.name === `${metricNames.httpDuration}_bucket` && s.labels.route === '/quiet',
    );
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.filter((s) => s.exemplar)).toEqual([]);
  });

  it('observe in-flight requests back to zero', async () => {
    const inFlight = (await scrape(kit)).samples.find((s) => s.name === metricNames.httpInFlight);
    expect(inFlight?.value).toBe(0);
  });
});

describe('bounded label values', () => {
  it.each([
    [100, '1xx'],
    [200, '2xx'],
    [204, '2xx'],
    [302, '3xx'],
    [404, '4xx'],
    [499, '4xx'],
    [500, '5xx'],
    [503, '5xx'],
    [999, '5xx'],
  ])('status %i is class %s', (status, expected) => {
    expect(statusClass(status)).toBe(expected);
  });

  it.each([
    ['get', 'GET'],
    ['DELETE', 'DELETE'],
    ['PROPFIND', 'OTHER'],
    [undefined, 'OTHER'],
  ])('method %s is labelled %s', (method, expected) => {
    expect(methodLabel(method)).toBe(expected);
  });
});

describe('bucket layout', () => {
  it('puts every latency SLO threshold of the catalog on a bucket boundary', () => {
    const thresholds = catalog.services.flatMap((s) =>
      s.slos.flatMap((slo) => (slo.kind === 'latency' ? [[s.name, slo.thresholdSeconds]] : [])),
    );
    expect(thresholds.length).toBeGreaterThan(0);
    for (const [, threshold] of thresholds) expect(latencyBuckets).toContain(threshold);
  });

  it('has strictly increasing latency buckets from 5 ms to 10 s', () => {
    expect(latencyBuckets[0]).toBe(0.005);
    expect(latencyBuckets.at(-1)).toBe(10);
    expect(latencyBuckets.every((b, i) => i === 0 || b > latencyBuckets[i - 1]!)).toBe(true);
  });
});
