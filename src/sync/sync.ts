/** Bring the project in line with a FilePlan: decide, then (unless only looking) apply under the lock. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../errors.js';
import type { PlannedFile } from '../render/file-plan.js';
import { applyOps, pendingOps } from './apply.js';
import { planSync, type Change, type Disk } from './decide.js';
import { acquireLock } from './lock.js';
import { readBases, type StoredBases } from './bases.js';
import { readManifest } from './manifest.js';

export interface SyncRequest {
  projectDir: string;
  /** Recorded in the manifest for the fast path of update (up-to-date.ts, inputs.ts). */
  projectType?: string;
  inputsHash?: string;
  /** The folders of the config's packs: the fast path hashes their files too. */
  packRoots?: string[];
  files: PlannedFile[];
  version: string;
  force: boolean;
  restore: string[];
  /** false for --dry-run and --check: decide and report, write nothing. */
  write: boolean;
}

export interface SyncOutcome {
  changes: Change[];
  warnings: string[];
  wrote: boolean;
}

export function syncProject(request: SyncRequest): SyncOutcome {
  const planned = new Set(request.files.map((f) => f.path));
  for (const path of request.restore) {
    if (!planned.has(path)) throw new UserError(`--restore ${path}: Scaffold does not generate that file for this project; \`scaffold update --dry-run\` lists what it does`);
  }
  const decide = () => {
    const previous = readManifest(request.projectDir, request.version);
    const bases = readBases(request.projectDir);
    const plan = planSync(request.files, previous, projectDisk(request.projectDir, bases), {
      projectType: request.projectType,
      inputsHash: request.inputsHash,
      packs: (request.packRoots ?? []).map((root) => relative(request.projectDir, root).split('\\').join('/')),
      force: request.force,
      restore: new Set(request.restore),
      version: request.version,
    });
    return { plan, ops: pendingOps(request.projectDir, plan, previous, bases) };
  };
  let { plan, ops } = decide();
  if (!request.write || ops.length === 0) return { changes: plan.changes, warnings: plan.warnings, wrote: false };
  // A clean re-run never gets here, so it writes nothing, not even the lock.
  const release = acquireLock(request.projectDir);
  try {
    ({ plan, ops } = decide()); // again under the lock: another run may have just finished
    applyOps(request.projectDir, ops);
  } finally {
    release();
  }
  return { changes: plan.changes, warnings: plan.warnings, wrote: ops.length > 0 };
}

function projectDisk(projectDir: string, bases: StoredBases): Disk {
  const read = (path: string): string | undefined => {
    const full = join(projectDir, path);
    if (!existsSync(full)) return undefined;
    if (!statSync(full).isFile()) throw new UserError(`${path} is in the way: Scaffold needs to write a file there, but it is a directory`);
    return readFileSync(full, 'utf8');
  };
  return { read, readBase: (path) => bases.get(path) };
}
