/**
 * A disk that stops a run at its N-th change: killed (nothing after it reaches the disk, as if
 * the process died there) or failed with an error of the environment (a full disk, no
 * permission). Counting with `at: Infinity` gives the number of steps a run takes.
 */
import { realDisk, type DiskOps } from '../../src/sync/disk-ops.js';

/** The run "died": tests catch it where a real process would simply be gone. */
export class Killed extends Error {
  constructor(step: number) {
    super(`killed at step ${step}`);
  }
}

export type Fault = 'kill' | 'ENOSPC' | 'EACCES';

export interface FaultyDisk extends DiskOps {
  /** Steps taken so far (changes the run asked for, counted until it was stopped). */
  steps: number;
}

export function faultyDisk(at: number, fault: Fault): FaultyDisk {
  let dead = false;
  const disk = { steps: 0 } as FaultyDisk;
  for (const [name, operation] of Object.entries(realDisk) as [keyof DiskOps, (...args: unknown[]) => unknown][]) {
    (disk as unknown as Record<string, unknown>)[name] = (...args: unknown[]): unknown => {
      if (dead) return; // a dead process writes nothing more, its cleanup code included
      disk.steps++;
      if (disk.steps === at) {
        if (fault === 'kill') {
          dead = true;
          throw new Killed(at);
        }
        const error = new Error(`${fault}: simulated on ${name}`) as NodeJS.ErrnoException;
        // A flush names several paths: the error names the first, as fsync's would.
        Object.assign(error, { code: fault, syscall: name, path: [args[0]].flat()[0] });
        throw error;
      }
      return operation(...args);
    };
  }
  return disk;
}
