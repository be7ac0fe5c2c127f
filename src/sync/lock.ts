/**
 * .scaffold/lock: held by the one run that writes. Taken and taken over atomically, so of any
 * number of runs started together exactly one writes and the others stop with the holder's pid.
 *
 * - Taking: the lock's content (pid and a random token) is written to a file of our own, which
 *   is then linked to the lock's name; a link fails if the name exists, and the lock is never
 *   seen half-written.
 * - A stale lock (its process is gone) is broken under a marker file created exclusively, named
 *   after the stale lock's content: of all the runs that found the same stale lock, one creates
 *   the marker, checks the lock still holds that content, removes it and tries again; the others
 *   stop. A marker left by a run that died is itself a stale lock, broken the same way. The run
 *   that ends up holding the lock removes markers whose runs are gone.
 * - A lock holding our own pid but a token this process did not write is stale too: a process
 *   that was restarted with the same pid (pid 1 in a container) is not its holder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hashText } from '../content-hash.js';
import { UserError } from '../errors.js';
import { LOCK_FILE } from '../project-files.js';
import type { DiskOps } from './disk-ops.js';

const held = new Set<string>();

interface Holder {
  pid: number;
  token: string;
}

/**
 * 16 hex digits that no other run's lock holds. Math.random, which V8 seeds per process from the
 * entropy Node gives it (OpenSSL's): node:crypto's randomBytes would load node:crypto, 7 to 9 ms,
 * for 8 bytes that only need to differ between runs.
 */
function randomToken(): string {
  const half = () => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return half() + half();
}

function parse(content: string): Holder {
  const [pid, token] = content.trim().split(/\s+/);
  return { pid: Number.parseInt(pid ?? '', 10), token: token ?? '' };
}

function isAlive({ pid, token }: Holder): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return held.has(token);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new UserError(`${path} is a folder, but Scaffold keeps its lock file under that name; remove the folder and run again`);
    throw error;
  }
}

/**
 * A file of this scheme that holds no pid yet is being written: `disk.create` makes it empty,
 * then writes it. Its run is alive unless the file is old (the run died in between).
 */
const WRITING_MS = 10_000;
function beingWritten(path: string, holder: Holder): boolean {
  if (Number.isInteger(holder.pid)) return false;
  try {
    return Date.now() - statSync(path).mtimeMs < WRITING_MS;
  } catch {
    return false;
  }
}

/** The lock's holder when one is alive; undefined when there is no lock or only a stale one. */
export function lockHolder(projectDir: string): number | undefined {
  const content = read(join(projectDir, LOCK_FILE));
  const holder = content === undefined ? undefined : parse(content);
  return holder && isAlive(holder) ? holder.pid : undefined;
}

/**
 * Take the lock (its folder exists) or throw a UserError naming the run that holds it. Returns
 * the release, and whether the lock had to be waited for or taken over (`contended`): only then
 * may another run have changed the project since this one last looked.
 */
export function acquireLock(projectDir: string, disk: DiskOps): { release: () => void; contended: boolean } {
  const path = join(projectDir, LOCK_FILE);
  const token = randomToken();
  const content = `${process.pid} ${token}\n`;
  const mine = `${path}.${process.pid}-${token}`;
  const release = () => {
    held.delete(token);
    disk.unlink(path);
  };
  try {
    disk.create(mine, content);
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (tryLink(mine, path, disk)) {
          held.add(token);
          removeDeadMarkers(path, disk);
          return { release, contended: attempt > 0 };
        }
        const found = read(path);
        if (found === undefined) continue; // released just now: try again
        const holder = parse(found);
        if (isAlive(holder)) throw busy(holder.pid);
        breakStale(path, found, disk);
      }
      throw new UserError(`could not take ${LOCK_FILE}: other runs keep taking it; run again when they are done`, [], { code: 'busy' });
    } finally {
      disk.unlink(mine);
    }
  } catch (error) {
    // A run that failed while taking the lock does not hold it, even if its lock file remains.
    held.delete(token);
    throw error;
  }
}

function tryLink(from: string, to: string, disk: DiskOps): boolean {
  try {
    disk.link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function busy(pid: number): UserError {
  return new UserError(`another scaffold run (pid ${pid}) is updating this project; wait for it to finish, or delete ${LOCK_FILE} if that process is gone`, [], { code: 'busy' });
}

/** Remove the lock at `path` if it still holds `stale`, with the marker named after it held. */
function breakStale(path: string, stale: string, disk: DiskOps): void {
  const marker = `${path}.break-${hashText(stale)}`;
  const token = randomToken();
  const content = `${process.pid} ${token}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      disk.create(marker, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = read(marker);
      if (other === undefined) continue;
      const breaker = parse(other);
      if (beingWritten(marker, breaker)) continue; // another run is breaking it right now
      if (isAlive(breaker)) throw busy(breaker.pid);
      breakStale(marker, other, disk); // the marker's own run died: break it the same way
      continue;
    }
    held.add(token);
    try {
      // Only the marker's holder gets here; the lock may have been taken anew meanwhile.
      if (read(path) === stale) disk.unlink(path);
    } finally {
      held.delete(token);
      disk.unlink(marker);
    }
    return;
  }
}

/** Markers (and our own files) left behind by runs that died. Only the lock's holder removes them. */
function removeDeadMarkers(path: string, disk: DiskOps): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const file = join(dir, name);
    const found = read(file);
    // Another run's file that it has created but not yet written is not left over.
    if (found !== undefined && !beingWritten(file, parse(found)) && !isAlive(parse(found))) {
      try {
        disk.unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
}
