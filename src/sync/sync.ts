/**
 * Bring the project in line with a FilePlan: decide, then (unless only looking) check the whole
 * plan, take the lock, decide again under it, and apply. See README.md for the steps.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { environmentError, UserError } from '../errors.js';
import { SCAFFOLD_DIR } from '../project-files.js';
import type { FilePlan } from '../render/file-plan.js';
import { applyOps, pendingOps, preflight } from './apply.js';
import { planSync, type Change, type Disk } from './decide.js';
import { realDisk, type DiskOps } from './disk-ops.js';
import { acquireLock } from './lock.js';
import { readRecords } from './records.js';

export interface SyncRequest {
  projectDir: string;
  /** Recorded in the manifest for the fast path of update (up-to-date.ts). */
  projectType?: string;
  inputsHash?: string;
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

export function syncProject(request: SyncRequest): SyncOutcome {
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
      packs: (request.packRoots ?? []).map((root) => relative(projectDir, root).split('\\').join('/')),
      force: request.force,
      restore: new Set(request.restore),
      version: request.version,
    });
    return { plan, ops: pendingOps(projectDir, plan, records) };
  };
  let { plan, ops } = decide();
  if (!request.write || ops.length === 0) return { changes: plan.changes, warnings: plan.warnings, wrote: false };
  // A clean re-run never gets here, so it writes nothing, not even the lock.
  preflight(projectDir, ops);
  // The folders up to .scaffold, made for the lock; a refused run takes them back.
  const made: string[] = [];
  for (let dir = join(projectDir, SCAFFOLD_DIR); !existsSync(dir); dir = dirname(dir)) made.unshift(dir);
  let release: (() => void) | undefined;
  let done = false;
  try {
    for (const dir of made) disk.mkdir(dir);
    release = acquireLock(projectDir, disk);
    ({ plan, ops } = decide()); // again under the lock: another run may have just finished
    preflight(projectDir, ops);
    applyOps(projectDir, ops, disk);
    done = true;
  } catch (error) {
    throw environmentError(error, 'nothing was changed');
  } finally {
    release?.();
    // A refused run leaves no trace: not even the folders it made for the lock.
    if (!done) for (const dir of [...made].reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) disk.rmdir(dir);
  }
  return { changes: plan.changes, warnings: plan.warnings, wrote: true };
}

/** The project's files as decide.ts reads them: bytes as byte strings, a folder in the way refused. */
function projectDisk(projectDir: string): Disk {
  return {
    read(path) {
      const full = join(projectDir, path);
      if (!existsSync(full)) return undefined;
      if (!statSync(full).isFile()) throw new UserError(`${path} is in the way: Scaffold needs to write a file there, but it is a folder; move it and run again`);
      return readFileSync(full, 'latin1');
    },
    mode: (path) => {
      const full = join(projectDir, path);
      return existsSync(full) ? statSync(full).mode & 0o7777 : undefined;
    },
    exists: (path) => existsSync(join(projectDir, path)),
  };
}
