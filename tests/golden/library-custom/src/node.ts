/**
 * The Node adapter, published as `golden-project/node`: durations from configuration, so `TIMEOUT=1h30m`
 * in the environment becomes 5_400_000. The only file in src/ that may use Node-only APIs; the
 * main entry never imports it, so browsers and edge runtimes never load it.
 */
import { DurationError, parse } from './duration.js';

export interface EnvOptions {
  /** Used when the variable is unset or empty: a duration string or milliseconds. */
  fallback?: string | number;
  /** Where to read variables; defaults to `process.env`. Tests pass a plain object. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Reads environment variable `name` as a duration in milliseconds; errors name the variable. */
export function durationFromEnv(name: string, options: EnvOptions = {}): number {
  const { fallback, env = process.env } = options;
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    if (fallback === undefined) throw new DurationError(`environment variable ${name} is not set`, raw);
    return typeof fallback === 'number' ? fallback : parse(fallback);
  }
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof DurationError) throw new DurationError(`environment variable ${name}: ${error.message}`, raw);
    throw error;
  }
}
