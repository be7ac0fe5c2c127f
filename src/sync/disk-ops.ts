/**
 * Every change sync makes on disk goes through these operations, and nothing else writes: so a
 * test can pass its own (tests/unit/faults.test.ts kills or fails the N-th one) and prove that
 * a run stopped at any step leaves a state the next run completes. Reads use node:fs directly;
 * they change nothing.
 */
import { closeSync, fchmodSync, fsync, linkSync, mkdirSync, openSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export interface DiskOps {
  /** Create one folder (its parent exists). */
  mkdir(path: string): void;
  /** Create `path`, which must not exist, with these bytes and mode. */
  create(path: string, data: Buffer, mode?: number): void;
  /**
   * Flush files, or folders (their entries: renames into them), to disk, all at once: a rename
   * that follows never exposes an empty or partial file, and the records commit only after the
   * files they describe are on disk. Many flushes at once cost about what one does: the file
   * system commits them together.
   */
  flush(paths: string[]): Promise<void>;
  rename(from: string, to: string): void;
  /** A second name for a file; fails if `to` exists (the lock is taken this way). */
  link(from: string, to: string): void;
  unlink(path: string): void;
  rmdir(path: string): void;
}

/** Files created and not flushed yet, kept open so the flush needs no second open. */
const unflushed = new Map<string, number>();

export const realDisk: DiskOps = {
  mkdir: (path) => mkdirSync(path),
  create(path, data, mode) {
    const fd = openSync(path, 'wx');
    try {
      // An explicit mode is the replaced file's, kept exactly (the umask does not apply).
      if (mode !== undefined) fchmodSync(fd, mode);
      writeSync(fd, data);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    unflushed.set(path, fd);
  },
  flush: (paths) => Promise.all(paths.map(flushOne)).then(() => undefined),
  rename: (from, to) => renameSync(from, to),
  link: (from, to) => linkSync(from, to),
  unlink(path) {
    // A file made and dropped without a flush (the lock's own file, a failed stage): close it.
    const fd = unflushed.get(path);
    if (fd !== undefined) {
      unflushed.delete(path);
      closeSync(fd);
    }
    unlinkSync(path);
  },
  rmdir: (path) => rmdirSync(path)
};

/** fsync one file or folder, where the platform allows (Windows cannot open a folder to flush it). */
async function flushOne(path: string): Promise<void> {
  const fd = unflushed.get(path);
  if (fd !== undefined) {
    unflushed.delete(path);
    try {
      await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
    } finally {
      closeSync(fd);
    }
    return;
  }
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}
