/**
 * Pattern: type-level tests. vitest checks *.test-d.ts files with the TypeScript compiler instead
 * of running them (see typecheck in vitest.config.ts), so these pin what your declarations promise:
 * parameter and return types, literal unions, read-only data, and calls that must not compile
 * (each `@ts-expect-error` fails the test if the line it marks becomes valid).
 * Replace: the expectations with your own exports' types; add one for every public type you export.
 */
import { describe, expectTypeOf, test } from 'vitest';
import { DurationError, format, parse, UNIT_MS, type DurationUnit, type FormatOptions } from '../../src/index.js';
import { durationFromEnv, type EnvOptions } from '../../src/node.js';

describe('parse', () => {
  test('takes a string and returns milliseconds as a number', () => {
    expectTypeOf(parse).parameters.toEqualTypeOf<[input: string]>();
    expectTypeOf(parse).returns.toBeNumber();
  });

  test('does not accept a number: callers format or keep their milliseconds', () => {
    // @ts-expect-error parse reads strings only
    parse(90_000);
  });
});

describe('format', () => {
  test('takes milliseconds and optional options, and returns a string', () => {
    expectTypeOf(format).parameter(0).toBeNumber();
    expectTypeOf(format).parameter(1).toEqualTypeOf<FormatOptions | undefined>();
    expectTypeOf(format).returns.toBeString();
  });

  test('accepts only the styles it implements', () => {
    expectTypeOf<FormatOptions['style']>().toEqualTypeOf<'short' | 'long' | undefined>();
    // @ts-expect-error "tiny" is not a style
    format(1, { style: 'tiny' });
  });
});

describe('units', () => {
  test('DurationUnit is exactly the units parse reads', () => {
    expectTypeOf<DurationUnit>().toEqualTypeOf<'d' | 'h' | 'm' | 's' | 'ms'>();
    expectTypeOf<keyof typeof UNIT_MS>().toEqualTypeOf<DurationUnit>();
  });

  test('UNIT_MS keeps its literal values and is read-only', () => {
    expectTypeOf(UNIT_MS.h).toEqualTypeOf<3_600_000>();
    // @ts-expect-error the unit table cannot be reassigned
    UNIT_MS.h = 1;
  });
});

describe('DurationError', () => {
  test('is an Error that carries the rejected input', () => {
    expectTypeOf<DurationError>().toExtend<Error>();
    expectTypeOf<DurationError['input']>().toBeUnknown();
    expectTypeOf(DurationError).constructorParameters.toEqualTypeOf<[message: string, input: unknown]>();
  });
});

describe('durationFromEnv', () => {
  test('takes a variable name and optional options, and returns milliseconds', () => {
    expectTypeOf(durationFromEnv).parameters.toEqualTypeOf<[name: string, options?: EnvOptions]>();
    expectTypeOf(durationFromEnv).returns.toBeNumber();
  });

  test('accepts a fallback as a duration string or milliseconds', () => {
    expectTypeOf<EnvOptions['fallback']>().toEqualTypeOf<string | number | undefined>();
  });
});
