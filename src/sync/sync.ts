/**
 * Bring the project in line with a FilePlan: decide, then (unless only looking) check the whole
 * plan, take the lock, decide again under it, and apply. See README.md for the steps.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Rename } from '../catalog/renames.js';
import { environmentError, UserError } from '../errors.js';
import { BASE_FILE, LOCK_FILE, MANIFEST_FILE, NEXT_BASE_FILE, SCAFFOLD_DIR } from '../project-files.js';
import { readFileBytes } from '../read-bytes.js';
import type { FilePlan } from '../render/file-plan.js';
import { applyOps, pendingOps, preflight, type Op } from './apply.js';
import { planSync, type Change, type Disk, type SyncPlan } from './decide.js';
import { planDetach } from './detach.js';
import { realDisk, type DiskOps } from './disk-ops.js';
import { acquireLock } from './lock.js';
import { readRecords, statIfThere } from './records.js';

export interface SyncRequest {
  projectDir: string;
  /** Recorded in the manifest for the fast path of update (up-to-date.ts). */
  projectType?: string;
  inputsHash?: string;
  selection?: Record<string, unknown>;
  /** The shipped renames: those of releases since the project was last rendered apply. */
  renames?: () => Rename[];
  /** The folders of the config's packs: the fast path hashes their files too. */
  packRoots?: string[];
  files: FilePlan;
  version: string;
  force: boolean;
  restore: string[];
  /** false for --dry-run and --check: decide and report, write nothing. */
  write: boolean;
  /** Where changes go; tests pass their own to stop a run at any step. */
  disk?: DiskOps;
}

export interface SyncOutcome {
  changes: Change[];
  warnings: string[];
  wrote: boolean;
}

export async function syncProject(request: SyncRequest): Promise<SyncOutcome> {
  const { projectDir } = request;
  const disk = request.disk ?? realDisk;
  const planned = new Set(request.files.map((f) => f.path));
  for (const path of request.restore) {
    if (!planned.has(path)) throw new UserError(`--restore ${path}: Scaffold does not generate that file for this project; \`scaffold update --dry-run\` lists what it does`);
  }
  const decide = () => {
    const records = readRecords(projectDir, request.version, request.files);
    const plan = planSync(request.files, records, projectDisk(projectDir), {
      projectType: request.projectType,
      inputsHash: request.inputsHash,
      selection: request.selection,
      renames: request.renames,
      packs: (request.packRoots ?? []).map((root) => relative(projectDir, root).split('\\').join('/')),
      force: request.force,
      restore: new Set(request.restore),
      version: request.version,
    });
    // Only a write needs the operations (serializing the bases and the manifest is about a third
    // of a dry run's time, which `scaffold explore` pays on every answer change).
    return { plan, ops: request.write ? pendingOps(projectDir, plan, records) : [] };
  };
  return applyPlan(projectDir, decide, request.write, disk);
}

export interface DetachRequest {
  projectDir: string;
  /** Paths relative to the project, or the whole project. */
  paths: string[] | 'all';
  version: string;
  write: boolean;
  disk?: DiskOps;
}

/** Stop managing files, or the whole project (detach.ts); applied like any run, under the lock. */
export async function detachProject(request: DetachRequest): Promise<SyncOutcome> {
  const { projectDir } = request;
  const today = new Date().toISOString().slice(0, 10);
  const decide = () => {
    const records = readRecords(projectDir, request.version, []);
    const plan = planDetach(records, projectDisk(projectDir), request.paths, today);
    return { plan, ops: pendingOps(projectDir, plan, records) };
  };
  return applyPlan(projectDir, decide, request.write, request.disk ?? realDisk);
}

/**
 * Decide, then (when writing) check the plan, take the lock, and apply. Under the lock the plan is
 * decided again only if another run may have changed the project meanwhile: the lock was waited
 * for or taken over, or the records are not what they were (every run that writes commits them).
 */
async function applyPlan(projectDir: string, decide: () => { plan: SyncPlan; ops: Op[] }, write: boolean, disk: DiskOps): Promise<SyncOutcome> {
  const recordsBefore = recordsState(projectDir);
  let { plan, ops } = decide();
  if (!write || ops.length === 0) return { changes: plan.changes, warnings: plan.warnings, wrote: false };
  // A clean re-run never gets here, so it writes nothing, not even the lock.
  preflight(projectDir, ops);
  // The folders up to .scaffold, made for the lock; a refused run takes back those it made.
  const missing: string[] = [];
  for (let dir = join(projectDir, SCAFFOLD_DIR); !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
  const made: string[] = [];
  let release: (() => void) | undefined;
  let done = false;
  try {
    for (const dir of missing) {
      try {
        disk.mkdir(dir);
        made.push(dir);
      } catch (error) {
        // Another run made it since it was looked for (ten inits at once): theirs, not ours.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const lock = acquireLock(projectDir, disk);
    release = lock.release;
    // Another run may have committed while this one waited for the lock: decide again, and check
    // the new plan as the first was checked. (An unchanged plan was checked above.)
    if (lock.contended || recordsState(projectDir) !== recordsBefore) {
      ({ plan, ops } = decide());
      preflight(projectDir, ops);
    }
    await applyOps(projectDir, ops, disk);
    done = true;
  } catch (error) {
    throw environmentError(error, 'nothing was changed');
  } finally {
    finish(release, done ? [] : made, disk);
  }
  return { changes: plan.changes, warnings: plan.warnings, wrote: true };
}

/**
 * The records as they stand, to tell whether another run committed since: which file each is,
 * its size and times. A commit renames a new file into place (a new file, so a new inode), so
 * this sees one without reading the records (base.json is most of a project's bytes).
 */
function recordsState(projectDir: string): string {
  return [MANIFEST_FILE, BASE_FILE, NEXT_BASE_FILE].map((f) => fileIdentity(join(projectDir, f))).join('\0');
}

function fileIdentity(path: string): string {
  try {
    const { ino, size, mtimeNs, ctimeNs } = statSync(path, { bigint: true });
    return `${ino} ${size} ${mtimeNs} ${ctimeNs}`;
  } catch {
    return '-';
  }
}

/**
 * Release the lock, and after a refused run take back the folders made for it: a refused run
 * leaves no trace. A release that fails (the folder's permission was taken away meanwhile) only
 * leaves a stale lock, which the next run breaks; it is said, in one line.
 */
function finish(release: (() => void) | undefined, made: string[], disk: DiskOps): void {
  try {
    release?.();
    for (const dir of [...made].reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) disk.rmdir(dir);
  } catch (error) {
    throw environmentError(error, `${LOCK_FILE} stays behind; the next run removes it`);
  }
}

/**
 * The project's files as decide.ts reads them: bytes as byte strings, a folder in the way
 * refused. Each folder is looked at once: a file in a folder that is not there is not there
 * either, so a new project's files cost a look per folder rather than per file.
 */
function projectDisk(projectDir: string): Disk {
  const folders = new Map<string, boolean>([['.', true]]);
  const stat = (path: string) => {
    const dir = dirname(path);
    let there = folders.get(dir);
    if (there === undefined) folders.set(dir, (there = statIfThere(join(projectDir, dir), () => fileInTheWay(projectDir, path)) !== undefined));
    return there ? statIfThere(join(projectDir, path), () => fileInTheWay(projectDir, path)) : undefined;
  };
  return {
    read(path) {
      const found = stat(path);
      if (!found) return undefined;
      if (!found.isFile()) throw new UserError(`${path} is in the way: Scaffold needs to write a file there, but it is a folder; move it and run again`);
      return readFileBytes(join(projectDir, path));
    },
    mode: (path) => stat(path)?.mode,
    exists: (path) => stat(path) !== undefined,
    changed: (path) => statSync(join(projectDir, path), { bigint: true, throwIfNoEntry: false })?.ctimeNs,
  };
}

/** A file stands where `path` needs a folder: say which, and what to do. */
function fileInTheWay(projectDir: string, path: string): UserError {
  let dir = dirname(path);
  // Below the file every lookup fails with ENOTDIR; the file itself is the folder above that.
  for (let d = dirname(path); d !== '.'; d = dirname(d)) {
    try {
      if (statSync(join(projectDir, d)).isFile()) dir = d;
    } catch {
      // ENOTDIR or ENOENT: keep going up.
    }
  }
  return new UserError(`${dir} is a file, but Scaffold needs a folder there to write ${path}; move it and run again`);
}
