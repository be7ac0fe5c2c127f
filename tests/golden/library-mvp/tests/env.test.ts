/**
 * Pattern: code that reads the environment takes the environment as a parameter (defaulting to
 * process.env), so tests pass a plain object instead of mutating global state.
 * Replace: the variable names and values with the configuration your library reads.
 */
import { describe, expect, it } from 'vitest';
import { DurationError } from '../src/index.js';
import { durationFromEnv } from '../src/node.js';

describe('durationFromEnv', () => {
  it('reads a duration from the variable', () => {
    expect(durationFromEnv('TIMEOUT', { env: { TIMEOUT: '1h30m' } })).toBe(5_400_000);
  });

  it('uses the fallback when the variable is unset or blank', () => {
    expect(durationFromEnv('TIMEOUT', { env: {}, fallback: '30s' })).toBe(30_000);
    expect(durationFromEnv('TIMEOUT', { env: { TIMEOUT: ' ' }, fallback: 250 })).toBe(250);
  });

  it('names the variable when it is missing', () => {
    expect(() => durationFromEnv('TIMEOUT', { env: {} })).toThrowError(
      new DurationError('environment variable TIMEOUT is not set', undefined),
    );
  });

  it('names the variable when its value is not a duration', () => {
    expect(() => durationFromEnv('TIMEOUT', { env: { TIMEOUT: '90' } })).toThrowError(
      'environment variable TIMEOUT: missing unit after "90" in "90" (use d, h, m, s or ms)',
    );
  });

  it('reads process.env by default', () => {
    const name = 'DURATION_FROM_ENV_TEST';
    process.env[name] = '2s';
    try {
      expect(durationFromEnv(name)).toBe(2_000);
    } finally {
      delete process.env[name];
    }
  });
});
