/**
 * Pattern: property-style tests. Instead of single examples, state rules that hold for every input
 * (parse undoes format, formatting is canonical, parts add up) and check them on hundreds of
 * generated inputs from a fixed seed; edge values are listed explicitly because random draws
 * rarely hit them.
 * Replace: parse/format with your own pair of inverse functions (encode/decode, serialize/read,
 * to/from) and the generators with ones for your input types.
 */
import { describe, expect, it } from 'vitest';
import { format, parse, UNIT_MS, type DurationUnit } from '../../src/index.js';
import { anyMagnitude, createRandom, forAll, type Random } from './random.js';

const UNITS = Object.keys(UNIT_MS) as DurationUnit[];
/** How many of each unit fit in the next larger one; days have no upper bound. */
const LIMIT: Record<DurationUnit, number> = { d: Number.POSITIVE_INFINITY, h: 24, m: 60, s: 60, ms: 1000 };

const EDGES = [0, 1, 999, 1000, 59_999, 60_000, 3_599_999, 86_399_999, 86_400_000, Number.MAX_SAFE_INTEGER];

/** Some units, largest first, each with a count; counts may exceed the next unit up (`90m`). */
function parts(random: Random): Array<[number, DurationUnit]> {
  const chosen = UNITS.filter(() => random.bool());
  const units = chosen.length > 0 ? chosen : [random.pick(UNITS)];
  return units.map((unit) => [random.int(0, 5000), unit]);
}

describe('round trips', () => {
  it('parse(format(ms)) gives back ms, for the edges and for generated values of every size', () => {
    // `0 - x` rather than `-x`: negating 0 gives -0, which parse never returns.
    for (const ms of [...EDGES, ...EDGES.map((edge) => 0 - edge)]) expect(parse(format(ms))).toBe(ms);
    forAll(
      (random) => (random.bool() ? 0 - anyMagnitude(random) : anyMagnitude(random)),
      (ms) => expect(parse(format(ms))).toBe(ms),
    );
  });

  it('format(parse(text)) gives back text when the text is already canonical', () => {
    forAll(
      (random) =>
        UNITS.filter(() => random.bool())
          .map((unit) => `${random.int(1, Math.min(LIMIT[unit] - 1, 10_000))}${unit}`)
          .join(' ') || '0ms',
      (text) => expect(format(parse(text))).toBe(text),
    );
  });

  it('writes each unit at most once, largest first, with no zero parts and every part below the next unit', () => {
    forAll(
      (random) => anyMagnitude(random) + 1,
      (ms) => {
        const written = format(ms)
          .split(' ')
          .map((part) => {
            const match = /^(\d+)([a-z]+)$/.exec(part);
            return { count: Number(match?.[1]), unit: match?.[2] as DurationUnit };
          });
        const positions = written.map(({ unit }) => UNITS.indexOf(unit));
        expect(positions.every((position, i) => position >= 0 && (i === 0 || position > (positions[i - 1] ?? -1)))).toBe(true);
        for (const { count, unit } of written) {
          expect(count).toBeGreaterThan(0);
          expect(count).toBeLessThan(LIMIT[unit]);
        }
      },
    );
  });
});

describe('algebraic rules', () => {
  it('a duration is the sum of its parts, whatever the spacing', () => {
    forAll(parts, (list) => {
      const text = list.map(([count, unit]) => `${count}${unit}`).join(' '.repeat(list.length % 3));
      const expected = list.reduce((sum, [count, unit]) => sum + count * UNIT_MS[unit], 0);
      expect(parse(text)).toBe(expected);
    });
  });

  it('a minus sign negates parse and format alike', () => {
    forAll(
      (random) => anyMagnitude(random) + 1,
      (ms) => {
        expect(format(-ms)).toBe(`-${format(ms)}`);
        expect(parse(`-${format(ms)}`)).toBe(-ms);
      },
    );
  });

  it('a decimal amount of a unit is the same as the exact milliseconds it stands for', () => {
    forAll(
      (random) => random.int(0, 10_000_000),
      (ms) => {
        const seconds = `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}s`;
        expect(parse(seconds)).toBe(ms);
      },
    );
  });

  it('the long style has the same parts as the short style', () => {
    forAll(anyMagnitude, (ms) => {
      expect(format(ms, { style: 'long' }).split(' ')).toHaveLength(2 * format(ms).split(' ').length);
    });
  });
});

describe('the generator', () => {
  it('is reproducible: the same seed gives the same inputs, another seed different ones', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => anyMagnitude(random));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stays inside the bounds it is given', () => {
    forAll(
      (random) => {
        const min = random.int(-1000, 1000);
        return { min, max: min + random.int(0, 50), seed: random.int(0, 2 ** 32 - 1) };
      },
      ({ min, max, seed }) => {
        const value = createRandom(seed).int(min, max);
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(min);
        expect(value).toBeLessThanOrEqual(max);
      },
    );
  });

  it('reports the seed and the input of a failing run', () => {
    expect(() =>
      forAll(
        (random) => random.int(0, 9),
        (n) => expect(n).toBeLessThan(5),
        { seed: 42 },
      ),
    ).toThrowError(/^run \d+ with seed 42 failed for input [5-9]: /);
  });
});
