/**
 * Values made on first use and kept: zod schemas (building them costs several milliseconds each,
 * and most runs need only one type's config schema, or none of the content schemas when the
 * build already checked the content, src/compiled.ts) and the suites and entries a run reads.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** `once` per key: `make(key)` runs the first time each key is asked for. */
export function oncePerKey<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}
