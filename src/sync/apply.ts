/**
 * Apply a SyncPlan. Every path is checked before the first write; each file is written to a
 * temporary file and renamed over the target; the bases come next and the manifest last, so a run
 * that dies halfway leaves a manifest that still describes the previous state, and the next run
 * finds the files already written equal to its render and finishes the job.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SyncPlan } from './decide.js';
import { serializeBases, type Bases, type StoredBases } from './bases.js';
import { BASE_FILE, LEGACY_BASE_DIR, MANIFEST_FILE } from '../project-files.js';
import { serializeManifest, type Manifest } from './manifest.js';
import { pathGuard } from './paths.js';

interface Op {
  /** `delete-folder`: only the old base folder, once base.json replaces it. */
  kind: 'write' | 'delete' | 'backup' | 'delete-folder';
  path: string;
  content?: string;
}

/** Everything this plan would change on disk, bookkeeping included; empty for a clean re-run. */
export function pendingOps(projectDir: string, plan: SyncPlan, previous: Manifest, bases: StoredBases): Op[] {
  const ops: Op[] = [];
  for (const change of plan.changes) {
    if (change.backup) ops.push({ kind: 'backup', path: change.path });
    if (change.write !== undefined) ops.push({ kind: 'write', path: change.path, content: change.write });
    if (change.action === 'delete') ops.push({ kind: 'delete', path: change.path });
  }
  // Every file the next manifest records, seed files aside, keeps a base: the new render, or
  // for a record carried over unchanged (deleted, retired, left in conflict) the one it had.
  const next: Bases = new Map();
  for (const [path, record] of Object.entries(plan.manifest.files)) {
    const text = record.policy === 'seed' ? undefined : (plan.bases.get(path) ?? bases.get(path));
    if (text !== undefined) next.set(path, text);
  }
  const baseText = serializeBases(next);
  if (readIfExists(join(projectDir, BASE_FILE)) !== baseText) ops.push({ kind: 'write', path: BASE_FILE, content: baseText });
  if (bases.legacy) ops.push({ kind: 'delete-folder', path: LEGACY_BASE_DIR });
  // The inputs hash only lets a later run skip work: a change to it alone is not worth a write,
  // so a clean re-run stays a run that writes nothing.
  const manifest = serializeManifest(plan.manifest);
  const onDisk = readIfExists(join(projectDir, MANIFEST_FILE));
  const withOldHint = onDisk === undefined ? undefined : serializeManifest({ ...plan.manifest, inputsHash: previous.inputsHash });
  if (onDisk !== manifest && (ops.length > 0 || onDisk !== withOldHint)) ops.push({ kind: 'write', path: MANIFEST_FILE, content: manifest });
  return ops;
}

export function applyOps(projectDir: string, ops: Op[]): void {
  // Check every path first: a bad one stops the run before anything is written.
  const confine = pathGuard(projectDir);
  const targets = ops.map((op) => confine(op.kind === 'backup' ? `${op.path}.orig` : op.path));
  const made = new Set<string>();
  ops.forEach((op, i) => {
    const target = targets[i]!;
    if (op.kind === 'backup') copyFileSync(join(projectDir, op.path), target);
    else if (op.kind === 'delete') rmSync(target, { force: true });
    else if (op.kind === 'delete-folder') rmSync(target, { recursive: true, force: true });
    else writeAtomically(target, op.content!, made);
  });
}

function writeAtomically(target: string, content: string, made: Set<string>): void {
  const dir = dirname(target);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true });
  made.add(dir);
  const temp = `${target}.scaffold-${process.pid}.tmp`;
  writeFileSync(temp, content);
  // rename replaces a symlink at the target instead of writing through it.
  renameSync(temp, target);
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
