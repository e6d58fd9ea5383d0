/** Time ranges, variables, numbers, sparklines and CSV: the pure parts of the raw-data commands. */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/raw/format/csv.ts';
import { sparkline } from '../../src/raw/format/sparkline.ts';
import { formatValue } from '../../src/raw/format/units.ts';
import { seriesName } from '../../src/raw/series.ts';
import {
  formatDuration,
  parseDuration,
  parseTime,
  parseTimeRange,
} from '../../src/raw/time-range.ts';
import { interpolate } from '../../src/raw/variables.ts';

const now = 1_800_000_000;

describe('time ranges', () => {
  it.each([
    ['90s', 90],
    ['1h30m', 5400],
    ['2d', 172_800],
    ['500ms', 0.5],
  ])('duration %s is %d s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each([
    ['now', now],
    ['now-2h', now - 7200],
    ['now+5m', now + 300],
    ['1700000000', 1_700_000_000],
    ['1700000000123', 1_700_000_000.123],
    ['2027-01-15T08:00:00Z', Date.parse('2027-01-15T08:00:00Z') / 1000],
  ])('time %s', (text, value) => expect(parseTime(text, now)).toBe(value));

  it.each(['1x', 'h', '', '10'])('duration `%s` is refused, naming it', (text) => {
    expect(() => parseDuration(text)).toThrow(`duration \`${text}\` is not valid`);
  });

  it('defaults to the last hour with a step for about 100 points', () => {
    expect(parseTimeRange({}, now)).toEqual({ start: now - 3600, end: now, step: 36 });
    expect(parseTimeRange({ since: '6h' }, now).step).toBe(216);
    expect(parseTimeRange({ from: 'now-2h', to: 'now-1h', step: '1m' }, now)).toEqual({
      start: now - 7200,
      end: now - 3600,
      step: 60,
    });
  });

  it('refuses a reversed range and mixing --since with --from', () => {
    expect(() => parseTimeRange({ from: 'now', to: 'now-1h' }, now)).toThrow('at or after it ends');
    expect(() => parseTimeRange({ since: '1h', from: 'now-2h' }, now)).toThrow(
      'either --since or --from/--to',
    );
  });

  it('formats durations the way PromQL writes them', () => {
    expect([60, 90, 3600, 86_400 + 61].map(formatDuration)).toEqual([
      '1m',
      '1m30s',
      '1h',
      '1d1m1s',
    ]);
  });
});

describe('variables', () => {
  const range = { start: now - 3600, end: now, step: 36 };
  const variables = [
    { name: 'env' },
    { name: 'instance', includeAll: true, allValue: '.*' },
    { name: 'route', includeAll: true },
  ];

  it('fills dashboard variables and built-ins in every syntax', () => {
    const filled = interpolate(
      'rate(x{env="$env", instance=~"${instance}", route=~"[[route]]"}[$__rate_interval]) / $__range_s',
      { range, scrapeInterval: 15, values: { env: 'staging' }, variables },
    );
    expect(filled).toEqual({
      expr: 'rate(x{env="staging", instance=~".*", route=~".*"}[1m]) / 3600',
      missing: [],
    });
  });

  it('reads formatted references the way Grafana writes them', () => {
    const filled = interpolate('x{route=~"${route:regex}", env="[[env:raw]]"}', {
      range,
      scrapeInterval: 15,
      values: { env: 'staging', route: '/pets' },
      variables,
    });
    expect(filled).toEqual({ expr: 'x{route=~"/pets", env="staging"}', missing: [] });
  });

  it('uses step + scrape interval for $__rate_interval when that is longer than 4 scrapes', () => {
    const wide = { start: now - 86_400, end: now, step: 864 };
    expect(
      interpolate('$__rate_interval', { range: wide, scrapeInterval: 15, values: {}, variables })
        .expr,
    ).toBe('14m39s');
  });

  it('gives a textbox its saved text and a custom variable its first option', () => {
    const more = [
      { name: 'search', type: 'textbox', query: '' },
      { name: 'level', type: 'custom', query: 'info, warn,error' },
    ];
    expect(
      interpolate('{level="$level"} |~ "(?i)$search"', {
        range,
        scrapeInterval: 15,
        values: {},
        variables: more,
      }),
    ).toEqual({ expr: '{level="info"} |~ "(?i)"', missing: [] });
  });

  it('lists variables that have no value', () => {
    expect(
      interpolate('x{env="$env", a="$other"}', { range, scrapeInterval: 15, values: {}, variables })
        .missing,
    ).toEqual(['env', 'other']);
  });
});

describe('formatting', () => {
  it.each([
    [0.25, 's', '250 ms'],
    [0.0123, 'percentunit', '1.23%'],
    [1536, 'bytes', '1.5 KiB'],
    [12_345, 'reqps', '12.3K req/s'],
    [3, 'short', '3'],
    [NaN, 's', 'NaN'],
    [7, 'widgets', '7 widgets'],
  ])('%d in %s is %s', (value, unit, text) => expect(formatValue(value, unit)).toBe(text));

  it('draws sparklines from lowest to highest bar, gaps as spaces', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([1, NaN, 1])).toBe('▁ ▁');
    expect(sparkline([0.5, 0.5000000000000001, 0.5])).toBe('▁▁▁');
    expect(
      sparkline(
        Array.from({ length: 100 }, (_, i) => i),
        10,
      ),
    ).toHaveLength(10);
  });

  it('names series by legend format, else like Prometheus', () => {
    expect(seriesName({ route: '/pets' }, '{{route}} p99')).toBe('/pets p99');
    expect(seriesName({ __name__: 'up', job: 'a', instance: 'h:1' })).toBe(
      'up{instance="h:1", job="a"}',
    );
  });

  it('quotes CSV fields only when needed', () => {
    expect([csvField('a'), csvField('a,b'), csvField('say "x"')]).toEqual([
      'a',
      '"a,b"',
      '"say ""x"""',
    ]);
  });
});
