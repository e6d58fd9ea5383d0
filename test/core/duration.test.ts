/** The one duration parser and printer every stage uses. */
import { describe, expect, it } from 'vitest';
import { durationMs, formatDurationMs } from '../../src/model/duration.ts';

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1d12h', 129_600_000],
    ['2w', 1_209_600_000],
    ['1y', 31_536_000_000],
    ['0', 0],
  ])('%s is %d ms', (text, ms) => expect(durationMs(text)).toBe(ms));

  it.each(['', '5', '1.5h', 'h', '5 m', '-5m', '5mm', '1h 30m'])('`%s` is not a duration', (text) =>
    expect(durationMs(text)).toBeUndefined(),
  );

  it('takes fractions only when asked (command-line flags)', () => {
    expect(durationMs('1.5h', { fractions: true })).toBe(5_400_000);
  });

  it.each([
    [0, '0s'],
    [500, '500ms'],
    [90_000, '1m30s'],
    [86_400_000 * 9, '9d'],
    [93_784_005, '1d2h3m4s5ms'],
  ])('%d ms prints as %s', (ms, text) => expect(formatDurationMs(ms)).toBe(text));

  it('round-trips the canonical spelling', () => {
    for (const text of ['5m', '1h30m', '2d', '250ms', '1d2h3m4s']) {
      expect(formatDurationMs(durationMs(text)!)).toBe(text);
    }
  });
});
