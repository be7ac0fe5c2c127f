/**
 * Apply a SyncPlan in steps that a crash at any instant leaves completable:
 *
 * 0. preflight, writing nothing: every path is inside the project, every parent on the way is
 *    a folder (or can be made), no target is a folder, and the files fit on the disk;
 * 1. stage: each new file is written beside its target as `.<name>.scaffold-tmp`, and each
 *    --force backup is created under a free name; then what no run could write again (a byte of
 *    the person's, the answers) and the records are flushed to disk, all at once. A file that
 *    holds only Scaffold's render is not: a crash that damages it is repaired by the next run
 *    (decide.ts, damagedByCrash). A failure here (a full disk, no permission) removes what was
 *    staged: nothing the person can see has changed;
 * 2. commit the files: rename each staged file over its target, delete what goes, flush the
 *    folders. A run that dies here leaves files equal to the new render, which the next run
 *    recognises as Scaffold's (decide.ts), and temp files, which it removes;
 * 3. commit the records: the new bases to base.json.next, then the manifest (the commit point),
 *    then base.json.next renamed to base.json (records.ts says why this order).
 *
 * Every change goes through DiskOps (disk-ops.ts), so tests can stop a run at any step.
 */
import { existsSync, readdirSync, readFileSync, statSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { environmentError, UserError } from '../errors.js';
import { BASE_FILE, LOCK_FILE, MANIFEST_FILE, NEXT_BASE_FILE, SCAFFOLD_DIR } from '../project-files.js';
import type { SyncPlan } from './decide.js';
import type { Bytes, DiskOps } from './disk-ops.js';
import { lockHolder } from './lock.js';
import { pathGuard, TEMP_SUFFIX, tempOf } from './paths.js';
import { serializeBases, serializeManifest, type Manifest, type Records } from './records.js';
import { bytesOf } from './text.js';

export interface Op {
  /**
   * write: a file's new bytes; backup: copy `from` to `path` first; delete: remove a file;
   * commit-bases: base.json.next becomes base.json; cleanup: remove a crashed run's leftover;
   * delete-folder: the old one-file-per-base folder.
   */
  kind: 'write' | 'backup' | 'delete' | 'commit-bases' | 'cleanup' | 'delete-folder';
  path: string;
  /** A write's bytes; in chunks made as they are written when large (base.json: one per base). */
  data?: Bytes;
  mode?: number;
  from?: string;
  /** A write of Scaffold's render alone, which the next run can write again: not flushed on its own (decide.ts, Change). */
  renderOnly?: boolean;
}

/** Everything this plan would change on disk, records and leftovers included; empty for a clean re-run. */
export function pendingOps(projectDir: string, plan: SyncPlan, records: Records): Op[] {
  const ops: Op[] = [];
  for (const change of plan.changes) {
    if (change.backup) ops.push({ kind: 'backup', path: change.backup, from: change.path, mode: change.mode });
    if (change.write !== undefined) ops.push({ kind: 'write', path: change.path, data: change.write, mode: change.mode, ...(change.renderOnly && { renderOnly: true }) });
    // A renamed file's old path goes after its new path is written (the changes come in that order).
    if (change.action === 'delete' || change.action === 'rename') ops.push({ kind: 'delete', path: change.path });
  }
  // base.json changes when a base does. A render that changed is a base that changed, so only
  // when none did are the bases it holds read (most of a project's bytes) and compared.
  const basesChanged = renderChanged(plan, records.manifest) || !sameBases(plan.bases, records.stored());
  if (basesChanged) ops.push({ kind: 'write', path: NEXT_BASE_FILE, data: serializeBases(plan.bases) });
  // The inputs hash only lets a later run skip work: a change to it alone is not worth a write,
  // so a clean re-run stays a run that writes nothing. A run that writes a file it does not flush
  // commits the manifest even when it is unchanged: its times then say when that file was put in
  // place (records.ts, lastWrites), so that a crash's damage to it is recognised.
  const manifest = serializeManifest(plan.manifest);
  const onDisk = readIfExists(join(projectDir, MANIFEST_FILE));
  const onlyTheHint = () => onDisk === undefined || onDisk === serializeManifest({ ...plan.manifest, inputsHash: records.manifest.inputsHash } as Manifest);
  const unflushed = ops.some((op) => op.renderOnly);
  if ((onDisk !== manifest || unflushed) && (ops.length > 0 || records.rebuilt || !onlyTheHint())) ops.push({ kind: 'write', path: MANIFEST_FILE, data: bytesOf(manifest) });
  if (basesChanged) ops.push({ kind: 'commit-bases', path: BASE_FILE });
  else if (records.nextOnDisk) ops.push({ kind: 'cleanup', path: NEXT_BASE_FILE });
  if (records.legacyOnDisk && ops.length > 0) ops.push({ kind: 'delete-folder', path: '.scaffold/base' });
  ops.push(...leftovers(projectDir, [...plan.changes.map((c) => c.path), MANIFEST_FILE]));
  return ops;
}

/**
 * Whether a file's base differs from the last run's for sure: each base is the render its record
 * hashes, so a hash that differs from the last manifest's is a base that differs.
 */
function renderChanged(plan: SyncPlan, previous: Manifest): boolean {
  for (const path of plan.bases.keys()) if (plan.manifest.files[path]?.hash !== previous.files[path]?.hash) return true;
  return false;
}

function sameBases(next: Map<string, string>, stored: Record<string, string> | undefined): boolean {
  if (!stored) return false;
  const paths = Object.keys(stored);
  return paths.length === next.size && paths.every((path) => next.get(path) === stored[path]);
}

/** Temp files of a run that died, beside the files it was writing, and a lock nobody holds. */
function leftovers(projectDir: string, paths: string[]): Op[] {
  const found: Op[] = [];
  for (const dir of new Set(paths.map((p) => dirname(p)))) {
    const full = join(projectDir, dir);
    if (!existsSync(full) || !statSync(full).isDirectory()) continue;
    for (const name of readdirSync(full)) {
      // Ours, and the `<file>.scaffold-<pid>.tmp` of earlier versions.
      if (name.endsWith(TEMP_SUFFIX) || /\.scaffold-\d+\.tmp$/.test(name)) found.push({ kind: 'cleanup', path: dir === '.' ? name : `${dir}/${name}` });
    }
  }
  if (existsSync(join(projectDir, LOCK_FILE)) && lockHolder(projectDir) === undefined) found.push({ kind: 'cleanup', path: LOCK_FILE });
  return found;
}

/** Step 0: refuse, writing nothing, what would fail for a reason known in advance. */
export function preflight(projectDir: string, ops: Op[]): void {
  const confine = pathGuard(projectDir);
  // The lock and the records first: a .scaffold that leads outside is refused before anything is made there.
  confine(LOCK_FILE);
  for (const op of ops) confine(op.path);
  let bytes = 0;
  // Each folder on the way, whether it is there: a folder seen for an earlier file was checked
  // then, and the folders above it with it.
  const folders = new Map<string, boolean>([['.', true]]);
  for (const op of ops) {
    if (op.kind !== 'write' && op.kind !== 'backup') continue;
    bytes += typeof op.data === 'string' ? op.data.length : op.data ? op.data.size : sizeOf(join(projectDir, op.from ?? op.path));
    for (let dir = dirname(op.path); !folders.has(dir); dir = dirname(dir)) {
      const found = statSync(join(projectDir, dir), { throwIfNoEntry: false });
      folders.set(dir, found !== undefined);
      if (!found) continue;
      if (!found.isDirectory()) throw new UserError(`${dir} is a file, but Scaffold needs a folder there to write ${op.path}; move it and run again`);
      break;
    }
    // In a folder that is not there yet, nothing is in the way.
    if (folders.get(dirname(op.path)) && statSync(join(projectDir, op.path), { throwIfNoEntry: false })?.isDirectory()) {
      throw new UserError(`${op.path} is in the way: Scaffold needs to write a file there, but it is a folder; move it and run again`);
    }
  }
  const free = freeBytes(projectDir);
  // Each staged file sits beside the one it replaces until the rename: count the bytes twice.
  if (free !== undefined && free < bytes * 2) {
    throw new UserError(`not enough disk space: Scaffold needs about ${Math.ceil((bytes * 2) / 1024)} KiB and ${Math.floor(free / 1024)} KiB are free where ${projectDir} is; free some space and run again`);
  }
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** Free bytes for this user on the project's file system, where Node can tell (statfs: Node 18.15). */
function freeBytes(dir: string): number | undefined {
  if (typeof statfsSync !== 'function') return undefined;
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** Steps 1-3. Throws a UserError (exit 2) when the environment fails it, saying what was left. */
export async function applyOps(projectDir: string, ops: Op[], disk: DiskOps): Promise<void> {
  const at = (path: string) => join(projectDir, path);
  const made: string[] = [];
  const staged: string[] = [];
  const toFlush: string[] = [];
  const parents = new Set<string>();
  // What step 2 renames into place or removes, and the folders it flushes then: the larger of the
  // two flushes sizes the threadpool.
  const placed = ops.filter((op) => op.path !== MANIFEST_FILE && (op.kind === 'write' || op.kind === 'delete' || op.kind === 'delete-folder'));
  const folders = new Set(placed.map((op) => dirname(at(op.path))));
  // 1. stage, after removing what a crashed run left (its temp files have the names ours take;
  //    the lock it left was broken when this run took the lock, lock.ts)
  try {
    for (const op of ops) if (op.kind === 'cleanup' && op.path !== LOCK_FILE) removeIfThere(disk, at(op.path));
    for (const op of ops) {
      if (op.kind !== 'write' && op.kind !== 'backup') continue;
      makeParents(projectDir, op.path, disk, made, parents);
      if (op.kind === 'backup') {
        disk.create(at(op.path), readFileSync(at(op.from!), 'latin1'), op.mode);
        staged.push(at(op.path));
        toFlush.push(at(op.path));
        continue;
      }
      const temp = tempOf(at(op.path));
      createTemp(disk, temp, op.data!, op.mode, !op.renderOnly);
      staged.push(temp);
      if (!op.renderOnly) toFlush.push(temp);
    }
    // What no run could write again (a byte of the person's, the answers) and the records are
    // on disk before anything is renamed into place.
    await disk.flush(toFlush, Math.max(toFlush.length, folders.size));
  } catch (error) {
    undo(disk, staged, made);
    throw environmentError(error, 'nothing was changed');
  }
  // 2. commit the files; 3. commit the records (manifest, then base.json)
  let done = 0;
  const total = ops.filter((op) => op.kind === 'write' || op.kind === 'delete').length;
  try {
    for (const op of placed) {
      if (op.kind === 'write') disk.rename(tempOf(at(op.path)), at(op.path));
      else if (op.kind === 'delete') removeIfThere(disk, at(op.path));
      else removeTree(disk, at(op.path));
      done++;
    }
    // A folder that a delete left empty goes too (never the project's own).
    for (const op of ops) if (op.kind === 'delete') removeEmptyParents(projectDir, op.path, disk);
    await disk.flush([...folders].filter((dir) => existsSync(dir)));
    const manifest = ops.find((op) => op.path === MANIFEST_FILE);
    if (manifest) {
      disk.rename(tempOf(at(MANIFEST_FILE)), at(MANIFEST_FILE));
      await disk.flush([at(SCAFFOLD_DIR)]);
      done++;
    }
    // Not flushed: a crash that loses this rename leaves base.json.next, where the committed
    // manifest's bases are looked up too (records.ts), and the next run finishes it.
    if (ops.some((op) => op.kind === 'commit-bases')) disk.rename(at(NEXT_BASE_FILE), at(BASE_FILE));
  } catch (error) {
    removeAll(disk, staged.filter((file) => file.endsWith(TEMP_SUFFIX)));
    throw environmentError(error, `${done} of ${total} changes were made; run \`scaffold update\` again to finish`);
  }
}

/**
 * Stage `data` in `temp`. A temp file of that name is a crashed run's, which the leftovers
 * cleanup above has almost always removed: so the create is tried first, and only a file found
 * there (another run that died since the plan was made) is removed before trying again.
 */
function createTemp(disk: DiskOps, temp: string, data: Bytes, mode: number | undefined, flushed: boolean): void {
  try {
    disk.create(temp, data, mode, flushed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    disk.unlink(temp);
    disk.create(temp, data, mode, flushed);
  }
}

/** The folders above a deleted file, from the nearest up, while they are empty. */
function removeEmptyParents(projectDir: string, path: string, disk: DiskOps): void {
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    const full = join(projectDir, dir);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    disk.rmdir(full);
  }
}

/**
 * Create the missing folders above `path`, from the top, noting each one made. `known` holds the
 * folders already there or made, so files side by side look their folder up once.
 */
function makeParents(projectDir: string, path: string, disk: DiskOps, made: string[], known: Set<string>): void {
  const missing: string[] = [];
  for (let dir = dirname(path); dir !== '.' && !known.has(dir); dir = dirname(dir)) {
    known.add(dir);
    if (existsSync(join(projectDir, dir))) break;
    missing.unshift(dir);
  }
  for (const dir of missing) {
    disk.mkdir(join(projectDir, dir));
    made.push(join(projectDir, dir));
  }
}

/** Take back what a failed stage made: its temp files, its backups, its new folders. */
function undo(disk: DiskOps, staged: string[], made: string[]): void {
  removeAll(disk, staged);
  for (const dir of [...made].reverse()) {
    try {
      disk.rmdir(dir);
    } catch {
      // Not empty or already gone: leave it.
    }
  }
}

function removeAll(disk: DiskOps, files: string[]): void {
  for (const file of files) {
    try {
      removeIfThere(disk, file);
    } catch {
      // The next run removes what is left (leftovers above).
    }
  }
}

function removeIfThere(disk: DiskOps, path: string): void {
  try {
    disk.unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function removeTree(disk: DiskOps, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) removeTree(disk, full);
    else disk.unlink(full);
  }
  disk.rmdir(dir);
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
