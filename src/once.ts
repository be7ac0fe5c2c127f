/**
 * A value made on first use and kept. Scaffold builds its zod schemas this way: building them
 * costs several milliseconds each, and most runs need only one type's config schema, or none
 * of the content schemas when the build already checked the content (src/compiled.ts).
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
