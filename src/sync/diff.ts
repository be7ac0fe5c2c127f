/**
 * Which lines of two texts are the same lines: the matches a diff is made of, for the merges in
 * merge3.ts. Built to stay near-linear on real edits and safe at any size (no recursion, no
 * argument spreads, so a 50 MB file cannot overflow the stack):
 *
 * 1. the common head and tail are matched first (most edits are local);
 * 2. in what is left, lines that occur exactly once on each side anchor the match (patience
 *    diff: the longest increasing run of such pairs, found by patience sorting in O(n log n)),
 *    and each gap between anchors is matched the same way, from a work list;
 * 3. a gap with no such line is matched by Myers' O(ND) diff, which gives up past 2,000 edits:
 *    such a gap is taken as replaced whole, a correct diff, only less fine-grained.
 *
 * Why not a library: node-diff3 (used before) finds the longest common subsequence, quadratic in
 * repeated lines (759 ms at 16k) and recursive/spreading enough to crash at 20 MB; jsdiff's Myers
 * has the same worst case, bounded only by a give-up limit. Patience with a Myers fallback is what
 * git offers as `--patience`, and is a few dozen lines.
 */

/** Matched line pairs, in order: `a[i]` and `b[j]` are the same line for every (i, j). */
export interface Matches {
  a: number[];
  b: number[];
}

/** Myers' diff of a gap gives up past this many edits (and the gap is taken as replaced whole). */
const MAX_EDITS = 2000;

export function matchLines(a: readonly string[], b: readonly string[]): Matches {
  // The common front and back, compared as strings: what is left between them (often a few lines,
  // or nothing) is all that needs numbering.
  let front = 0;
  while (front < a.length && front < b.length && a[front] === b[front]) front++;
  let back = 0;
  while (back < a.length - front && back < b.length - front && a[a.length - 1 - back] === b[b.length - 1 - back]) back++;
  // The lines between as numbers: one Map lookup per line, then integer comparisons.
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]) => {
    const out = new Int32Array(lines.length - front - back);
    for (let i = 0; i < out.length; i++) {
      const line = lines[front + i]!;
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  // A middle with nothing on one side (lines only added, or only removed) has nothing to match.
  const empty = front + back === a.length || front + back === b.length;
  const x = empty ? new Int32Array(0) : intern(a);
  const y = empty ? new Int32Array(0) : intern(b);
  const pairs: [number, number][] = [];
  // Work list of gaps [a0, a1) x [b0, b1), taken in order so the pairs come out sorted.
  const work: [number, number, number, number][] = [[0, x.length, 0, y.length]];
  while (work.length > 0) {
    let [a0, a1, b0, b1] = work.pop()!;
    while (a0 < a1 && b0 < b1 && x[a0] === y[b0]) pairs.push([a0++, b0++]);
    const tail: [number, number][] = [];
    while (a1 > a0 && b1 > b0 && x[a1 - 1] === y[b1 - 1]) tail.push([--a1, --b1]);
    if (a0 < a1 && b0 < b1) {
      const anchors = uniqueAnchors(x, y, a0, a1, b0, b1);
      if (anchors.length > 0) {
        // The gaps between anchors, pushed last-first so the first is matched next; the tail after them.
        const gaps: [number, number, number, number][] = [];
        let pa = a0;
        let pb = b0;
        for (const [i, j] of anchors) {
          gaps.push([pa, i, pb, j], [i, i + 1, j, j + 1]);
          pa = i + 1;
          pb = j + 1;
        }
        gaps.push([pa, a1, pb, b1]);
        // The tail is emitted when its turn comes, after every gap.
        work.push([a1, a1 + tail.length, b1, b1 + tail.length]);
        for (let k = gaps.length - 1; k >= 0; k--) work.push(gaps[k]!);
        continue;
      }
      myers(x, y, a0, a1, b0, b1, pairs);
    }
    for (let k = tail.length - 1; k >= 0; k--) pairs.push(tail[k]!);
  }
  // The common front and back match whole; the middle's indices are shifted by the front.
  const matches: Matches = { a: [], b: [] };
  for (let i = 0; i < front; i++) (matches.a.push(i), matches.b.push(i));
  for (const [i, j] of pairs) (matches.a.push(front + i), matches.b.push(front + j));
  for (let k = back; k > 0; k--) (matches.a.push(a.length - k), matches.b.push(b.length - k));
  return matches;
}

/**
 * Pairs of lines that occur exactly once in each range, in the longest run increasing on both
 * sides (patience sorting: piles by binary search, then the chain back from the last pile).
 */
function uniqueAnchors(x: Int32Array, y: Int32Array, a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const count = new Map<number, number>();
  for (let i = a0; i < a1; i++) count.set(x[i]!, (count.get(x[i]!) ?? 0) + 1);
  const inB = new Map<number, number>();
  for (let j = b0; j < b1; j++) {
    const id = y[j]!;
    if (count.get(id) !== 1) continue;
    inB.set(id, inB.has(id) ? -1 : j);
  }
  const candidates: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    const j = inB.get(x[i]!);
    if (j !== undefined && j >= 0) candidates.push([i, j]);
  }
  if (candidates.length === 0) return [];
  const tops: number[] = [];
  const previous = new Int32Array(candidates.length).fill(-1);
  for (let k = 0; k < candidates.length; k++) {
    const j = candidates[k]![1];
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tops[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tops[lo - 1]!;
    tops[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tops[tops.length - 1]!; k >= 0; k = previous[k]!) chain.push(candidates[k]!);
  return chain.reverse();
}

/**
 * Myers' O(ND) greedy diff of a gap, giving up (no matches: the gap is replaced whole) past
 * MAX_EDITS edits; the trace keeps each round's frontier to walk the matches back.
 */
function myers(x: Int32Array, y: Int32Array, a0: number, a1: number, b0: number, b1: number, pairs: [number, number][]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const limit = Math.min(n + m, MAX_EDITS);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d]: the frontier after d - 1 edits, for diagonals -(d - 1)..d - 1.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice(offset - d + 1, offset + d));
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[a0 + i] === y[b0 + j]) {
        i++;
        j++;
      }
      v[offset + k] = i;
      if (i >= n && j >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return;
  // Walk back from the end: each round's diagonal run is a run of matches.
  const matched: [number, number][] = [];
  let i = n;
  let j = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d]!;
    const at = (k: number) => before[k + d - 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevI = at(prevK);
    const prevJ = prevI - prevK;
    // The edit moved from (prevI, prevJ) one step; the rest of the way to (i, j) is diagonal.
    const startI = down ? prevI : prevI + 1;
    while (i > startI) matched.push([a0 + --i, b0 + --j]);
    i = prevI;
    j = prevJ;
  }
  while (i > 0 && j > 0) matched.push([a0 + --i, b0 + --j]);
  for (let k = matched.length - 1; k >= 0; k--) pairs.push(matched[k]!);
}
