/**
 * The loss window: the retry budget of the backoff (contract 7.3: the defaults give up after
 * about 8.5 minutes) and how long the rotated local files hold a service's lines.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { environments } from '../../platform/environments.ts';
import { shipping } from '../../agents/lib/shipping.ts';
import { logShipping, lossWindow, retryWindowSeconds } from '../../src/builders/index.ts';

describe('loss window', () => {
  it.each([
    [
      'the agents’ defaults (0.5 s → 5 m, 10 retries)',
      { minPeriod: '500ms', maxPeriod: '5m', maxRetries: 10 },
      511.5,
    ],
    ['ours (21 retries)', { minPeriod: '500ms', maxPeriod: '5m', maxRetries: 21 }, 3811.5],
    ['a flat backoff', { minPeriod: '10s', maxPeriod: '10s', maxRetries: 6 }, 60],
  ])('retry budget of %s', (_name, backoff, seconds) => {
    expect(retryWindowSeconds(backoff)).toBe(seconds);
  });

  it('every service is covered for the retry budget by its local files', () => {
    for (const service of catalog.services) {
      const window = lossWindow(shipping(service, environments[0]!).build());
      expect(window.retrySeconds).toBe(3811.5);
      expect(window.localSeconds, service.name).toBeGreaterThanOrEqual(24 * 3600);
      expect(window.guaranteedSeconds).toBe(3811.5);
    }
  });

  it('local files sized for the gateway volume: 60 lines/s × 400 B into 64 MiB files', () => {
    const gateway = catalog.services.find((s) => s.name === 'gateway')!;
    const spec = shipping(gateway, environments[0]!).build();
    expect(spec.localFiles).toEqual({ maxFileBytes: 64 * 1024 ** 2, maxFiles: 31 });
  });

  it('a model without batching or backoff stated does not build', () => {
    const builder = logShipping(catalog.services[0]!, environments[0]!).timeout('10s');
    expect(() => builder.build()).toThrow(
      'log shipping for gateway in local: batch, backoff, positions, timeFormat, listenPort, alloy, localFiles not stated',
    );
  });

  it('the WAL needs the experimental stability level', () => {
    const builder = logShipping(catalog.services[0]!, environments[0]!);
    expect(() =>
      builder.alloy({
        stability: 'generally-available',
        storagePath: '/x',
        wal: { maxSegmentAge: '1h' },
      }),
    ).toThrow('alloy.wal needs stability `experimental`');
  });
});
