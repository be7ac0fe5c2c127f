/**
 * Every change sync makes on disk goes through these operations, and nothing else writes: so a
 * test can pass its own (tests/unit/faults.test.ts kills or fails the N-th one) and prove that
 * a run stopped at any step leaves a state the next run completes. Reads use node:fs directly;
 * they change nothing.
 */
import { closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';

export interface DiskOps {
  /** Create one folder (its parent exists). */
  mkdir(path: string): void;
  /**
   * Create `path`, which must not exist, with these bytes and mode, and flush it to disk before
   * returning, so a rename that follows never exposes an empty or partial file.
   */
  create(path: string, data: Buffer, mode?: number): void;
  rename(from: string, to: string): void;
  /** A second name for a file; fails if `to` exists (the lock is taken this way). */
  link(from: string, to: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  /** Flush a folder's entries (the renames into it) to disk, where the platform allows. */
  syncFolder(path: string): void;
}

export const realDisk: DiskOps = {
  mkdir: (path) => mkdirSync(path),
  create(path, data, mode) {
    const fd = openSync(path, 'wx');
    try {
      // An explicit mode is the replaced file's, kept exactly (the umask does not apply).
      if (mode !== undefined) fchmodSync(fd, mode);
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => renameSync(from, to),
  link: (from, to) => linkSync(from, to),
  unlink: (path) => unlinkSync(path),
  rmdir: (path) => rmdirSync(path),
  syncFolder(path) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      fsyncSync(fd);
    } catch (error) {
      // Some platforms cannot open or flush a folder (Windows: EISDIR/EPERM); the rename stands.
      if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
};
