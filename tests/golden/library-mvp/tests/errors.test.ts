/**
 * Pattern: error messages are part of the API. Each bad input pins the error class and the
 * message a user will read, so a vague or wrong message fails a test.
 * Replace: the inputs and messages with your API's failure modes.
 */
import { describe, expect, it } from 'vitest';
import { DurationError, format, parse } from '../src/index.js';

describe('parse errors', () => {
  it.each([
    ['', 'cannot parse an empty string as a duration'],
    ['   ', 'cannot parse an empty string as a duration'],
    ['90', 'missing unit after "90" in "90" (use d, h, m, s or ms)'],
    ['1h30', 'missing unit after "30" in "1h30" (use d, h, m, s or ms)'],
    ['5x', 'unknown unit "x" in "5x" (use d, h, m, s or ms)'],
    ['1H', 'unknown unit "H" in "1H" (use d, h, m, s or ms)'],
    ['30m1h', 'unit "h" comes after "m" in "30m1h": write each unit once, largest first'],
    ['1h 2h', 'unit "h" comes after "h" in "1h 2h": write each unit once, largest first'],
    ['1h,30m', 'expected a number at index 2 in "1h,30m", found ","'],
    ['-', 'expected a number at index 1 in "-", found the end'],
    ['.5m', 'expected a number at index 0 in ".5m", found "."'],
    ['1h-30m', 'expected a number at index 2 in "1h-30m", found "-"'],
    ['1.0005s', '"1.0005s" in "1.0005s" is not a whole number of milliseconds'],
    ['104249992d', '"104249992d" is longer than the largest duration supported (9007199254740991 ms)'],
    // One past the largest safe integer: the boundary itself, where an off-by-one would hide.
    ['9007199254740992ms', '"9007199254740992ms" is longer than the largest duration supported (9007199254740991 ms)'],
  ])('rejects %j', (input, message) => {
    expect(() => parse(input)).toThrowError(new DurationError(message, input));
  });

  it('keeps the rejected input on the error', () => {
    expect(() => parse('5x')).toThrowError(expect.objectContaining({ name: 'DurationError', input: '5x' }));
  });

  it('explains a non-string argument from untyped callers', () => {
    expect(() => parse(90 as unknown as string)).toThrowError(
      'expected a duration string such as "1h30m", received 90',
    );
  });
});

describe('format errors', () => {
  it.each([
    [1.5, 'format expects a whole number of milliseconds, received 1.5'],
    [Number.NaN, 'format expects a whole number of milliseconds, received NaN'],
    [Number.POSITIVE_INFINITY, 'format expects a whole number of milliseconds, received Infinity'],
    [2 ** 53, 'format expects a whole number of milliseconds, received 9007199254740992'],
  ])('rejects %d', (ms, message) => {
    expect(() => format(ms)).toThrowError(new DurationError(message, ms));
  });

  it('rejects an unknown style', () => {
    expect(() => format(1, { style: 'tiny' as 'short' })).toThrowError('unknown style "tiny" (use "short" or "long")');
  });
});
