/**
 * Durations written the way people write them: `parse("1h30m")` is 5_400_000 milliseconds and
 * `format(5_400_000)` is `"1h 30m"`. Pure functions over web-standard JavaScript, so the same
 * code runs in Node, browsers and edge runtimes.
 */

/** Milliseconds in one of each unit, largest first: the order `format` writes them in. */
export const UNIT_MS = Object.freeze({
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
} as const);

export type DurationUnit = keyof typeof UNIT_MS;

export interface FormatOptions {
  /** `"short"` (the default) writes `1h 30m`, which `parse` reads back; `"long"` writes `1 hour 30 minutes`. */
  style?: 'short' | 'long';
}

/** Thrown for input `parse` cannot read or `format` cannot write; `input` is the offending value. */
export class DurationError extends Error {
  override readonly name = 'DurationError';
  readonly input: unknown;

  constructor(message: string, input: unknown) {
    super(message);
    this.input = input;
  }
}

const UNITS = Object.keys(UNIT_MS) as DurationUnit[];
const UNIT_HINT = 'use d, h, m, s or ms';
const LONG_NAMES: Readonly<Record<DurationUnit, string>> = { d: 'day', h: 'hour', m: 'minute', s: 'second', ms: 'millisecond' };
const MAX_MS = BigInt(Number.MAX_SAFE_INTEGER);

const NUMBER = /\d+(?:\.\d+)?/y;
const WORD = /[a-zA-Z]+/y;
const SPACE = /\s*/y;

function isUnit(text: string): text is DurationUnit {
  return Object.hasOwn(UNIT_MS, text);
}

/** The text a sticky pattern matches at `index`, or undefined. */
function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}

/** How a value reads in an error message. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

/** `amount` of `unit` in milliseconds, computed exactly: `1.5h` is fine, `1.0005s` is not. */
function toMilliseconds(amount: string, unit: DurationUnit, input: string): bigint {
  const dot = amount.indexOf('.');
  const digits = dot === -1 ? amount : amount.slice(0, dot) + amount.slice(dot + 1);
  const decimals = dot === -1 ? 0 : amount.length - dot - 1;
  const scaled = BigInt(digits) * BigInt(UNIT_MS[unit]);
  const divisor = 10n ** BigInt(decimals);
  if (scaled % divisor !== 0n) {
    throw new DurationError(`${describe(amount + unit)} in ${describe(input)} is not a whole number of milliseconds`, input);
  }
  return scaled / divisor;
}

/**
 * Reads a duration such as `"90s"`, `"1h30m"`, `"1h 30m"`, `"1.5h"` or `"-2d"` and returns it in
 * milliseconds. Units are d, h, m, s and ms, each used at most once, largest first.
 * Throws a `DurationError` that says what is wrong and where.
 */
export function parse(input: string): number {
  if (typeof input !== 'string') {
    throw new DurationError(`expected a duration string such as "1h30m", received ${describe(input)}`, input);
  }
  if (input.trim() === '') throw new DurationError('cannot parse an empty string as a duration', input);

  let index = matchAt(SPACE, input, 0)?.length ?? 0;
  const negative = input[index] === '-';
  if (negative) index += 1;
  let total = 0n;
  let previous: DurationUnit | undefined;
  do {
    const amount = matchAt(NUMBER, input, index);
    if (amount === undefined) {
      const found = input[index];
      const what = found === undefined ? 'the end' : describe(found);
      throw new DurationError(`expected a number at index ${index} in ${describe(input)}, found ${what}`, input);
    }
    index += amount.length;
    const unit = matchAt(WORD, input, index);
    if (unit === undefined) {
      throw new DurationError(`missing unit after ${describe(amount)} in ${describe(input)} (${UNIT_HINT})`, input);
    }
    if (!isUnit(unit)) throw new DurationError(`unknown unit ${describe(unit)} in ${describe(input)} (${UNIT_HINT})`, input);
    if (previous !== undefined && UNIT_MS[unit] >= UNIT_MS[previous]) {
      throw new DurationError(
        `unit ${describe(unit)} comes after ${describe(previous)} in ${describe(input)}: write each unit once, largest first`,
        input,
      );
    }
    total += toMilliseconds(amount, unit, input);
    previous = unit;
    index += unit.length;
    index += matchAt(SPACE, input, index)?.length ?? 0;
  } while (index < input.length);

  if (total > MAX_MS) {
    throw new DurationError(`${describe(input)} is longer than the largest duration supported (${Number.MAX_SAFE_INTEGER} ms)`, input);
  }
  const ms = Number(total);
  // `-0s` is plain zero, never -0.
  return negative && ms !== 0 ? -ms : ms;
}

/**
 * Writes a whole number of milliseconds with the largest units first, skipping zero parts:
 * `format(5_400_000)` is `"1h 30m"`, `format(0)` is `"0ms"`. Short output reads back with `parse`.
 */
export function format(ms: number, options: FormatOptions = {}): string {
  if (!Number.isSafeInteger(ms)) {
    throw new DurationError(`format expects a whole number of milliseconds, received ${describe(ms)}`, ms);
  }
  const style = options.style ?? 'short';
  if (style !== 'short' && style !== 'long') {
    throw new DurationError(`unknown style ${describe(style)} (use "short" or "long")`, style);
  }
  const word = (count: number, unit: DurationUnit): string =>
    style === 'short' ? `${count}${unit}` : `${count} ${LONG_NAMES[unit]}${count === 1 ? '' : 's'}`;
  if (ms === 0) return word(0, 'ms');

  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count === 0) continue;
    rest -= count * UNIT_MS[unit];
    parts.push(word(count, unit));
  }
  return (ms < 0 ? '-' : '') + parts.join(' ');
}
