/**
 * Every change sync makes on disk goes through these operations, and nothing else writes: so a
 * test can pass its own (tests/unit/faults.test.ts kills or fails the N-th one) and prove that
 * a run stopped at any step leaves a state the next run completes. Reads use node:fs directly;
 * they change nothing.
 */
import { closeSync, fchmodSync, fsync, linkSync, mkdirSync, open, openSync, renameSync, rmdirSync, unlinkSync, writeSync, writevSync } from 'node:fs';

export interface DiskOps {
  /** Create one folder (its parent exists). */
  mkdir(path: string): void;
  /** Create `path`, which must not exist, with these bytes (or chunks of them, in order) and mode. */
  create(path: string, data: Buffer | Buffer[], mode?: number): void;
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
      if (Array.isArray(data)) writevSync(fd, data);
      else writeSync(fd, data);
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
  const created = unflushed.get(path);
  if (created !== undefined) {
    unflushed.delete(path);
    try {
      await call((done) => fsync(created, done));
    } finally {
      closeSync(created);
    }
    return;
  }
  let fd: number | undefined;
  try {
    fd = await call<number>((done) => open(path, 'r', done));
    await call((done) => fsync(fd!, done));
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A callback of node:fs as a promise. node:fs/promises would do the same, but loading it costs
 * every writing run about 2 ms on two cores, for the two calls made here.
 */
function call<T = void>(start: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value as T))));
}
