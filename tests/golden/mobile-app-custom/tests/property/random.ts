/**
 * A tiny seeded random generator for property-style tests: the same seed gives the same cases
 * on every machine, so a failure is reproducible from the seed in its message. fast-check does
 * this with shrinking; this keeps the suite free of dependencies.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters (code points) drawn from `alphabet`. */
  string(alphabet: string, length: number): string;
}

/** mulberry32: small, fast and good enough to generate test cases. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    // Array.from splits by code point, so an emoji in the alphabet is never cut in half.
    string: (alphabet, length) => {
      const characters = Array.from(alphabet);
      return Array.from({ length }, () => characters[int(0, characters.length - 1)]).join('');
    },
  };
}

/** Run `check` on `runs` generated cases; a failure names its seed so it can be replayed alone. */
export function forAll<T>(runs: number, generate: (random: Random) => T, check: (value: T) => void, firstSeed = 1): void {
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    const value = generate(seeded(seed));
    try {
      check(value);
    } catch (error) {
      throw new Error(`property failed for seed ${seed} with ${JSON.stringify(value)}: ${(error as Error).message}`, { cause: error });
    }
  }
}
