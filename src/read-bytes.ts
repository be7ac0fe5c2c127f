/**
 * Reading a file, or a range of one, as a byte string (one character per byte, latin1: the form
 * sync/text.ts compares and writes) through one buffer that every read reuses.
 *
 * `readFileSync` gives each file a Buffer of its own, and on the small VMs Scaffold is measured
 * on, the first touch of a page of memory costs ~11 microseconds: reading the ml knowledge's
 * 380 KB of stored bodies in one Buffer touched ~90 new pages, at 20 times the content 7.6 MB
 * and ~1,850 (52 against 25 ms to read and parse them, a script run apart). Through this buffer
 * a run touches its 64 KB once; only a read larger than that gets a Buffer of its own. The
 * string made from the bytes is the one copy that stays. Writes have a buffer of their own
 * (sync/disk-ops.ts): it holds bytes not yet written while a lazy writer (base.json's) makes its
 * next chunk, which must be free to read a file meanwhile.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const SCRATCH_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/** `length` bytes of the open file `fd` from offset `at`, or fewer where the file ends sooner. */
export function readRange(fd: number, at: number, length: number): string {
  const buffer = length <= SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)) : Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, at + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.toString('latin1', 0, read);
}

/** The whole file as a byte string; throws as `readFileSync` does (ENOENT, EISDIR). */
export function readFileBytes(path: string): string {
  const fd = openSync(path, 'r');
  try {
    return readRange(fd, 0, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}
