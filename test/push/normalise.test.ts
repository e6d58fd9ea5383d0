/** The normaliser live and local documents share, and the duration spellings it unifies. */
import { describe, expect, it } from 'vitest';
import { canonicalDuration } from '../../src/plan/durations.ts';
import { durationMs as parseDuration } from '../../src/model/duration.ts';
import { containsDocument, normalise, sameDocument } from '../../src/plan/normalise.ts';
import { decide } from '../../src/plan/plan.ts';
import { retryAfterMs } from '../../src/push/http.ts';
import { Redactor } from '../../src/push/redact.ts';
import { ruleGroupDocument } from '../../src/push/targets/rules-model.ts';

describe('durations', () => {
  it.each([
    ['60s', '1m'],
    ['90m', '1h30m'],
    ['1h30m', '1h30m'],
    ['0s', '0s'],
    ['0', '0s'],
    ['1500ms', '1s500ms'],
    ['1w', '7d'],
    ['2d', '2d'],
    ['5 minutes', '5 minutes'],
  ])('%s is spelled %s', (input, expected) => {
    expect(canonicalDuration(input)).toBe(expected);
  });

  it('rejects what is not a duration', () => {
    expect(parseDuration('1x')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });
});

describe('normalise', () => {
  it.each([
    {
      name: 'server defaults and duration spellings',
      live: {
        name: 'g',
        interval: '60s',
        limit: 0,
        rules: [{ alert: 'A', expr: 'up', for: '300s', keep_firing_for: '0s' }],
      },
      local: { name: 'g', interval: '1m', rules: [{ alert: 'A', expr: 'up', for: '5m' }] },
      equal: true,
    },
    {
      name: 'rule order is evaluation order',
      live: {
        name: 'g',
        rules: [
          { record: 'a', expr: '1' },
          { record: 'b', expr: '2' },
        ],
      },
      local: {
        name: 'g',
        rules: [
          { record: 'b', expr: '2' },
          { record: 'a', expr: '1' },
        ],
      },
      equal: false,
    },
    {
      name: 'empty labels equal no labels, key order is irrelevant',
      live: { rules: [{ labels: {}, expr: 'up', record: 'r' }], name: 'g' },
      local: { name: 'g', rules: [{ record: 'r', expr: 'up', annotations: null }] },
      equal: true,
    },
    {
      name: 'a changed expression',
      live: { name: 'g', rules: [{ record: 'r', expr: 'sum(up)' }] },
      local: { name: 'g', rules: [{ record: 'r', expr: 'sum(up) * 2' }] },
      equal: false,
    },
  ])('$name', ({ live, local, equal }) => {
    expect(sameDocument(ruleGroupDocument(live), ruleGroupDocument(local))).toBe(equal);
  });

  it('sorts set-like arrays only when told', () => {
    expect(normalise({ tags: ['b', 'a'] }, { setKeys: ['tags'] })).toEqual({ tags: ['a', 'b'] });
    expect(normalise({ tags: ['b', 'a'] })).toEqual({ tags: ['b', 'a'] });
  });

  it('finds what we set inside a config the server filled with defaults', () => {
    const live = {
      global: { resolve_timeout: '5m' },
      route: { receiver: 'x', continue: false },
      receivers: [{ name: 'x', url: '<secret>' }],
    };
    expect(
      containsDocument(live, {
        route: { receiver: 'x' },
        receivers: [{ name: 'x', url: 'https://hook' }],
      }),
    ).toBe(true);
    expect(containsDocument(live, { route: { receiver: 'y' } })).toBe(false);
  });
});

describe('decide', () => {
  const base = { target: 't', kind: 'k', key: 'x', order: 1 };
  it.each([
    { live: undefined, local: { a: 1 }, managed: false, prune: false, action: 'create' },
    { live: { a: 1 }, local: { a: 1 }, managed: true, prune: false, action: 'unchanged' },
    { live: { a: 1 }, local: { a: 2 }, managed: true, prune: false, action: 'update' },
    { live: { a: 1 }, local: { a: 2 }, managed: false, prune: false, action: 'blocked' },
    { live: { a: 1 }, local: undefined, managed: true, prune: true, action: 'delete' },
    { live: { a: 1 }, local: undefined, managed: true, prune: false, action: undefined },
    { live: { a: 1 }, local: undefined, managed: false, prune: true, action: undefined },
  ])('live $live, local $local, managed $managed, prune $prune → $action', (c) => {
    expect(decide({ ...base, live: c.live, local: c.local }, c.managed, c.prune)?.action).toBe(
      c.action,
    );
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    expect(retryAfterMs({ 'retry-after': inTwoSeconds })).toBeGreaterThan(0);
    expect(retryAfterMs({})).toBeUndefined();
  });

  it('redacts every registered secret, also inside errors', () => {
    const redactor = new Redactor();
    redactor.add('glsa_abcdef');
    expect(redactor.redact('Bearer glsa_abcdef and glsa_abcdef')).toBe(
      'Bearer [redacted] and [redacted]',
    );
    const error = redactor.redactError(new Error('token glsa_abcdef refused'));
    expect(`${error.message} ${error.stack}`).not.toContain('glsa_abcdef');
  });
});
