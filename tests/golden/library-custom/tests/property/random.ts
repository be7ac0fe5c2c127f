/**
 * Pattern: a tiny seeded generator for property-style tests, with no dependency. The same seed
 * always produces the same inputs, so a failure reproduces exactly; a failing run reports its seed.
 * Set PROPERTY_SEED=<number> to explore other inputs; keep the default fixed so CI is deterministic.
 * Replace: nothing here is specific to durations; add generators for your own input types below.
 */

export interface Random {
  /** A float in [0, 1) with 53 random bits. */
  next(): number;
  /** An integer in [min, max], both inclusive; spans up to Number.MAX_SAFE_INTEGER work. */
  int(min: number, max: number): number;
  /** One of `items`, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** true or false, equally likely. */
  bool(): boolean;
}

export const DEFAULT_SEED = 20_240_611;

function seedFromEnv(): number {
  const raw = process.env.PROPERTY_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
}

export const SEED = seedFromEnv();

/** mulberry32: a small, fast 32-bit generator; plenty for test inputs, not for cryptography. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => (next32() * 2 ** 21 + (next32() >>> 11)) / 2 ** 53;
  return {
    next,
    int: (min, max) => Math.min(max, min + Math.floor(next() * (max - min + 1))),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick needs at least one item');
      return item;
    },
    bool: () => next() < 0.5,
  };
}

/**
 * Checks `property` against `runs` generated inputs. A failure names the run, the seed and the
 * input, so `PROPERTY_SEED=<seed>` reproduces it.
 */
export function forAll<T>(
  generate: (random: Random) => T,
  property: (input: T) => void,
  { runs = 500, seed = SEED }: { runs?: number; seed?: number } = {},
): void {
  const random = createRandom(seed);
  for (let run = 0; run < runs; run += 1) {
    const input = generate(random);
    try {
      property(input);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`run ${run} with seed ${seed} failed for input ${JSON.stringify(input)}: ${detail}`, { cause: error });
    }
  }
}

/** Integers of every size from 0 to Number.MAX_SAFE_INTEGER: small and huge values are both common. */
export function anyMagnitude(random: Random): number {
  return random.int(0, Math.min(10 ** random.int(1, 16), Number.MAX_SAFE_INTEGER));
}
