/**
 * Line-based merges of byte strings (text.ts): the three-way merge of what Scaffold last wrote
 * (base), the person's file (yours) and the new render (scaffold); and, when the base is gone,
 * a two-way marking of every difference. The line matching is diff.ts's; both walks here are
 * loops over the matches, linear in the lines, at any size.
 */
import { matchLines, type Matches } from './diff.js';

export interface MergeResult {
  text: string;
  conflicts: number;
}

export const CONFLICT_START = '<<<<<<< yours';
export const CONFLICT_END_PREFIX = '>>>>>>> scaffold';

function conflict(out: string[], yours: string[], scaffold: string[], version: string): void {
  out.push(CONFLICT_START);
  for (const line of yours) out.push(line);
  out.push('=======');
  for (const line of scaffold) out.push(line);
  out.push(`${CONFLICT_END_PREFIX} ${version}`);
}

/**
 * The three-way merge (diff3): where the base's lines are matched in both yours and Scaffold's,
 * the texts agree; each stretch between such lines changed on one side (take that side), on both
 * alike (take it once), or on both differently (a conflict, both sides marked).
 */
export function merge3(base: string, yours: string, scaffold: string, version: string): MergeResult {
  const o = lines(base);
  const a = lines(yours);
  const b = lines(scaffold);
  const inA = matchedAt(matchLines(o, a), o.length);
  const inB = matchedAt(matchLines(o, b), o.length);
  const out: string[] = [];
  let conflicts = 0;
  let io = 0;
  let ia = 0;
  let ib = 0;
  const append = (from: string[], start: number, end: number) => {
    for (let k = start; k < end; k++) out.push(from[k]!);
  };
  // Each step: the stretch up to the next base line both sides kept (or the end), then that line.
  for (;;) {
    let j = io;
    while (j < o.length && (inA[j]! < 0 || inB[j]! < 0)) j++;
    const ea = j < o.length ? inA[j]! : a.length;
    const eb = j < o.length ? inB[j]! : b.length;
    const aSame = same(o, io, j, a, ia, ea);
    const bSame = same(o, io, j, b, ib, eb);
    if (aSame) append(b, ib, eb);
    else if (bSame || same(a, ia, ea, b, ib, eb)) append(a, ia, ea);
    else {
      conflicts++;
      conflict(out, a.slice(ia, ea), b.slice(ib, eb), version);
    }
    if (j >= o.length) break;
    out.push(o[j]!);
    io = j + 1;
    ia = ea + 1;
    ib = eb + 1;
  }
  return { text: out.join('\n'), conflicts };
}

/** Without a base: lines both have stay, and each place where they differ is marked as a conflict. */
export function markDifferences(yours: string, scaffold: string, version: string): MergeResult {
  const a = lines(yours);
  const b = lines(scaffold);
  const matches = matchLines(a, b);
  const out: string[] = [];
  let conflicts = 0;
  let ia = 0;
  let ib = 0;
  for (let k = 0; k <= matches.a.length; k++) {
    const ea = k < matches.a.length ? matches.a[k]! : a.length;
    const eb = k < matches.b.length ? matches.b[k]! : b.length;
    if (ea > ia || eb > ib) {
      conflicts++;
      conflict(out, a.slice(ia, ea), b.slice(ib, eb), version);
    }
    if (k === matches.a.length) break;
    out.push(a[ea]!);
    ia = ea + 1;
    ib = eb + 1;
  }
  return { text: out.join('\n'), conflicts };
}

/** For each base line, the index of the line it matched on the other side, or -1. */
function matchedAt(matches: Matches, size: number): Int32Array {
  const at = new Int32Array(size).fill(-1);
  for (let k = 0; k < matches.a.length; k++) at[matches.a[k]!] = matches.b[k]!;
  return at;
}

/** Whether x[x0, x1) and y[y0, y1) are the same lines. */
function same(x: string[], x0: number, x1: number, y: string[], y0: number, y1: number): boolean {
  if (x1 - x0 !== y1 - y0) return false;
  for (let k = 0; k < x1 - x0; k++) if (x[x0 + k] !== y[y0 + k]) return false;
  return true;
}

/** True when a file still holds markers from an earlier conflict. */
export function hasConflictMarkers(text: string): boolean {
  return text.split('\n').some((l) => l === CONFLICT_START || l.startsWith(`${CONFLICT_END_PREFIX} `));
}

// Split keeping a trailing newline as a final empty line, so join('\n') restores the text exactly.
function lines(text: string): string[] {
  return text.split('\n');
}
