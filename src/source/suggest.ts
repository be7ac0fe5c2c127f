/** "did you mean" for a mistyped name: the closest known name within a small edit distance. */
export function didYouMean(input: string, known: Iterable<string>): string {
  const list = [...known];
  // A prefix is the likeliest slip (`train` for `training`); then the closest by edit distance.
  const prefixed = input.length >= 3 && list.find((c) => c.startsWith(input) || input.startsWith(c));
  if (prefixed && prefixed !== input) return ` (did you mean ${prefixed}?)`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = distance(input, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3));
  return close ? ` (did you mean ${best}?)` : '';
}

/** Levenshtein distance, two rows at a time. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
