/**
 * Line-based three-way merge: what Scaffold last wrote (base), the person's file (yours) and the
 * new render (scaffold). node-diff3 does the diffing: a small, dependency-free, widely used
 * implementation of the diff3 algorithm; getting that algorithm right by hand is not worth it.
 */
import { diff3Merge } from 'node-diff3';

export interface MergeResult {
  text: string;
  conflicts: number;
}

export const CONFLICT_START = '<<<<<<< yours';
export const CONFLICT_END_PREFIX = '>>>>>>> scaffold';

export function merge3(base: string, yours: string, scaffold: string, version: string): MergeResult {
  const regions = diff3Merge(lines(yours), lines(base), lines(scaffold), { excludeFalseConflicts: true });
  const out: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      conflicts++;
      out.push(CONFLICT_START, ...region.conflict.a, '=======', ...region.conflict.b, `${CONFLICT_END_PREFIX} ${version}`);
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
