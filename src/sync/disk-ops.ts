/**
 * Every change sync makes on disk goes through these operations, and nothing else writes: so a
 * test can pass its own (tests/unit/faults.test.ts kills or fails the N-th one) and prove that
 * a run stopped at any step leaves a state the next run completes. Reads use node:fs directly;
 * they change nothing.
 */
import { closeSync, fchmodSync, fsync, linkSync, mkdirSync, open, openSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';

/**
 * A file's bytes: a byte string (sync/text.ts: one character per byte), or chunks of them that
 * are made as they are written, so that a large file (base.json) is never held whole.
 */
export type Bytes = string | Chunks;

export interface Chunks extends Iterable<string> {
  /** About how many bytes the chunks make, for the check of free space before anything is written. */
  readonly size: number;
}

export interface DiskOps {
  /** Create one folder (its parent exists). */
  mkdir(path: string): void;
  /**
   * Create `path`, which must not exist, with these bytes and mode. `flushed: false` says no
   * flush will be asked for it (Scaffold's render alone, which the next run can write again if a
   * crash damages it: apply.ts): it is closed at once.
   */
  create(path: string, data: Bytes, mode?: number, flushed?: boolean): void;
  /**
   * Flush files, or folders (their entries: renames into them), to disk, all at once: a rename
   * that follows never puts an empty or partial file in the place of one, and the records commit
   * only after what no run could write again is on disk. Many flushes at once cost about what
   * one does: the file system commits them together. `most`: the most paths any flush of this
   * run will name, which sizes the threadpool at the first (sizeThreadpool).
   */
  flush(paths: string[], most?: number): Promise<void>;
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
  create(path, data, mode, flushed = true) {
    const fd = openSync(path, 'wx');
    try {
      // An explicit mode is the replaced file's, kept exactly (the umask does not apply).
      if (mode !== undefined) fchmodSync(fd, mode);
      writeBytes(fd, typeof data === 'string' ? [data] : data);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    if (flushed) unflushed.set(path, fd);
    else closeSync(fd);
  },
  flush(paths, most = paths.length) {
    sizeThreadpool(most);
    return Promise.all(paths.map(flushOne)).then(() => undefined);
  },
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

/**
 * Write byte strings in order, each as its bytes (latin1: one byte per character). Node encodes
 * a string into memory it frees at once, so a run holds no second copy of what it writes, as a
 * Buffer made in advance would be. Small chunks (base.json has one per base) go out together
 * through one reused buffer; a short write (a disk filling up) is continued, so that the next
 * write fails instead of leaving a file cut short.
 */
function writeBytes(fd: number, chunks: Iterable<string>): void {
  const buffer = (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES));
  let used = 0;
  const flush = () => {
    for (let at = 0; at < used; ) at += writeSync(fd, buffer, at, used - at);
    used = 0;
  };
  for (const chunk of chunks) {
    if (chunk.length > SCRATCH_BYTES - used) flush();
    if (chunk.length >= SCRATCH_BYTES) {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, at === 0 ? chunk : chunk.slice(at), null, 'latin1');
    } else used += buffer.write(chunk, used, 'latin1');
  }
  flush();
}

const SCRATCH_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * The flushes run on libuv's threadpool, which has 4 threads unless UV_THREADPOOL_SIZE says
 * otherwise, read when the pool starts: in every writing command, at its first flush (nothing
 * before it uses the pool). A run flushes the files no run could write again and the records,
 * then the folders it renamed files into (apply.ts): a few paths in most runs, a few hundred
 * folders at 20 times the content, as many files as it merged. More threads let the file system
 * commit more flushes together (1,000 files: 145 ms with 4 threads, 46 with 16, 32 with 64), but
 * each costs more to start than a flush does: a project's handful of flushes is done soonest by
 * libuv's own 4 (init -5.6 ms and an update merging 5 files -7 ms against 16, 100 paired runs
 * each). So the pool is sized by the most paths the run will flush at once: 4 threads up to 64
 * paths, else 16, one more per 16 paths above 256, up to 64. A size the person set is kept.
 */
function sizeThreadpool(paths: number): void {
  if (poolSized) return;
  poolSized = true;
  process.env.UV_THREADPOOL_SIZE ??= String(poolSizeFor(paths));
}

export const poolSizeFor = (paths: number): number => (paths <= 64 ? 4 : Math.min(64, Math.max(16, Math.ceil(paths / 16))));

let poolSized = false;

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
