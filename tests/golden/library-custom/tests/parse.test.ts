/**
 * Pattern: table-driven behaviour tests. Each row is one input and the exact result, so a new
 * case is one line and a failure names the row.
 * Replace: the rows with your own API's inputs and outputs; keep one table per behaviour.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';

describe('parse', () => {
  it.each([
    ['1ms', 1],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['2d 3h 4m 5s 6ms', 183_845_006],
    ['1.5h', 5_400_000],
    ['0.25s', 250],
    ['007s', 7_000],
  ])('reads %j as %i ms', (input, expected) => {
    expect(parse(input)).toBe(expected);
  });

  it('treats a leading minus as the sign of the whole duration', () => {
    expect(parse('-1h30m')).toBe(-5_400_000);
    expect(parse('-1h30m')).toBe(-parse('1h30m'));
  });

  it('ignores surrounding whitespace and extra spaces between parts', () => {
    expect(parse('  1h   30m\t')).toBe(5_400_000);
  });

  it('reads every zero as plain 0, never -0', () => {
    expect(parse('0ms')).toBe(0);
    expect(parse('0d 0s')).toBe(0);
    expect(Object.is(parse('-0s'), 0)).toBe(true);
  });

  it('reads the largest safe duration exactly', () => {
    expect(parse(`${Number.MAX_SAFE_INTEGER}ms`)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
