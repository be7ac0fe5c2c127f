/**
 * Pattern: exact-output tests for a formatter, including the boundaries (zero, one of each unit,
 * the largest value) and the option that changes the output.
 * Replace: the expected strings with your formatter's; keep the boundary rows.
 */
import { describe, expect, it } from 'vitest';
import { format, UNIT_MS } from '../src/index.js';

describe('format', () => {
  it.each([
    [1, '1ms'],
    [90_000, '1m 30s'],
    [5_400_000, '1h 30m'],
    [86_400_000, '1d'],
    [183_845_006, '2d 3h 4m 5s 6ms'],
    [3_600_001, '1h 1ms'],
  ])('writes %i ms as %j', (ms, expected) => {
    expect(format(ms)).toBe(expected);
  });

  it('writes zero, and negative zero, as 0ms', () => {
    expect(format(0)).toBe('0ms');
    expect(format(-0)).toBe('0ms');
  });

  it('puts the sign in front of the whole duration', () => {
    expect(format(-5_400_000)).toBe('-1h 30m');
  });

  it('writes one less than each unit with the next unit down', () => {
    expect(format(UNIT_MS.d - 1)).toBe('23h 59m 59s 999ms');
    expect(format(UNIT_MS.s - 1)).toBe('999ms');
  });

  it('stays exact at the largest safe integer', () => {
    expect(format(Number.MAX_SAFE_INTEGER)).toBe('104249991d 8h 59m 991ms');
  });

  it('spells units out in the long style, singular for one', () => {
    expect(format(5_400_000, { style: 'long' })).toBe('1 hour 30 minutes');
    expect(format(86_401_000, { style: 'long' })).toBe('1 day 1 second');
    expect(format(0, { style: 'long' })).toBe('0 milliseconds');
  });
});
