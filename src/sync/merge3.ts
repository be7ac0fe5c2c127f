/**
 * Line-based merges of byte strings (text.ts): the three-way merge of what Scaffold last wrote
 * (base), the person's file (yours) and the new render (scaffold); and, when the base is gone,
 * a two-way marking of every difference. node-diff3 does the diffing: a small, dependency-free,
 * widely used implementation of the diff3 algorithm; getting that algorithm right by hand is
 * not worth it.
 */
import { diff3Merge, diffComm } from 'node-diff3';

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

export function merge3(base: string, yours: string, scaffold: string, version: string): MergeResult {
  const regions = diff3Merge(lines(yours), lines(base), lines(scaffold), { excludeFalseConflicts: true });
  const out: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) for (const line of region.ok) out.push(line);
    else if (region.conflict) {
      conflicts++;
      conflict(out, region.conflict.a, region.conflict.b, version);
    }
  }
  return { text: out.join('\n'), conflicts };
}

/** Without a base: lines both have stay, and each place where they differ is marked as a conflict. */
export function markDifferences(yours: string, scaffold: string, version: string): MergeResult {
  const out: string[] = [];
  let conflicts = 0;
  for (const chunk of diffComm(lines(yours), lines(scaffold))) {
    if (chunk.common) for (const line of chunk.common) out.push(line);
    else {
      conflicts++;
      conflict(out, chunk.buffer1 ?? [], chunk.buffer2 ?? [], version);
    }
  }
  return { text: out.join('\n'), conflicts };
}

/** True when a file still holds markers from an earlier conflict. */
export function hasConflictMarkers(text: string): boolean {
  return text.split('\n').some((l) => l === CONFLICT_START || l.startsWith(`${CONFLICT_END_PREFIX} `));
}

// Split keeping a trailing newline as a final empty line, so join('\n') restores the text exactly.
function lines(text: string): string[] {
  return text.split('\n');
}
