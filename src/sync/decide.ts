/**
 * Compare the FilePlan with the disk and the manifest and decide, file by file, what to do
 * (the table in README.md). Reads the disk; writes nothing: apply.ts does that.
 */
import type { PlannedFile, Policy } from '../render/file-plan.js';
import { mergeJson, stringifyLike } from './json-merge.js';
import type { Manifest, FileRecord } from './manifest.js';
import { hasConflictMarkers, merge3 } from './merge3.js';
import { applyStyle, normalize, sha256, type TextStyle } from './text.js';

export type Action = 'create' | 'update' | 'merge' | 'conflict' | 'delete' | 'keep' | 'skip' | 'unchanged';
/** Actions that mean the project is out of date (`update --check` exits 1). */
export const DRIFT: ReadonlySet<Action> = new Set(['create', 'update', 'merge', 'conflict', 'delete']);

export interface Change {
  path: string;
  action: Action;
  source: string;
  policy: Policy;
  /** The file's new content, in its own line-ending style, when the action writes it. */
  write?: string;
  /** Copy the existing file to `<path>.orig` before writing (`--force`). */
  backup?: boolean;
  /** Why: shown to the person for keep, skip, conflict and merge. */
  reason?: string;
  /** The person deleted this generated file; it stays deleted. */
  deleted?: boolean;
}

export interface Disk {
  read(path: string): string | undefined;
  readBase(path: string): string | undefined;
}

export interface SyncOptions {
  /** Recorded in the manifest, for the fast path of update (up-to-date.ts). */
  projectType?: string;
  inputsHash?: string;
  /** The packs' folders, relative to the project (for the fast path's inputs hash). */
  packs?: string[];
  force: boolean;
  restore: ReadonlySet<string>;
  version: string;
}

export interface SyncPlan {
  changes: Change[];
  /** The manifest after this run; its records point at `bases` for managed and JSON files. */
  manifest: Manifest;
  /** Canonical text of every file's base (what Scaffold renders now), keyed by path. */
  bases: Map<string, string>;
  warnings: string[];
}

export function planSync(files: PlannedFile[], previous: Manifest, disk: Disk, options: SyncOptions): SyncPlan {
  const plan: SyncPlan = {
    changes: [],
    manifest: {
      version: 1,
      scaffoldVersion: options.version,
      projectType: options.projectType,
      inputsHash: options.inputsHash,
      ...(options.packs?.length && { packs: options.packs }),
      files: {},
    },
    bases: new Map(),
    warnings: [],
  };
  for (const file of files) {
    const record = previous.files[file.path];
    const change = decideFile(file, record, disk, options, plan.warnings);
    plan.changes.push(change);
    if (file.policy === 'config' || change.action === 'skip') continue;
    if (record && (change.deleted || (change.action === 'conflict' && change.write === undefined))) {
      // Nothing was written, so what Scaffold last wrote is still the base for the next run.
      plan.manifest.files[file.path] = { ...record, ...(change.deleted && { deleted: true }) };
      continue;
    }
    // What is on disk after this run, as Scaffold left it: only a write of ours changes it. A file
    // left with conflict markers gets none, so the fast path of update never calls it up to date.
    const written = change.action === 'conflict' ? undefined : change.write !== undefined ? sha256(change.write) : (record?.written ?? hashOnDisk(disk, file.path));
    plan.manifest.files[file.path] = { policy: file.policy, source: file.source, sha256: sha256(file.content), ...(written && { written }) };
    if (file.policy !== 'seed') plan.bases.set(file.path, file.content);
  }
  const planned = new Set(files.map((f) => f.path));
  for (const [path, record] of Object.entries(previous.files)) {
    if (planned.has(path)) continue;
    const change = decideRemoval(path, record, disk);
    if (!change) continue;
    plan.changes.push(change);
    if (change.action !== 'delete') plan.manifest.files[path] = { ...record, retired: true };
  }
  return plan;
}

/** Only for files never recorded before, so the disk is not read a second time for the rest. */
function hashOnDisk(disk: Disk, path: string): string | undefined {
  const raw = disk.read(path);
  return raw === undefined ? undefined : sha256(raw);
}

function decideFile(file: PlannedFile, record: FileRecord | undefined, disk: Disk, options: SyncOptions, warnings: string[]): Change {
  const base = { path: file.path, source: file.source, policy: file.policy };
  const raw = disk.read(file.path);
  if (raw === undefined) {
    if (record && !options.restore.has(file.path)) {
      // Said once, when the deletion is first seen; after that the file is quietly left alone.
      if (record.deleted) return { ...base, action: 'unchanged', deleted: true };
      return { ...base, action: 'keep', deleted: true, reason: `deleted by you; \`scaffold update --restore ${file.path}\` brings it back` };
    }
    return { ...base, action: 'create', write: file.content };
  }
  const { text, style } = normalize(raw);
  if (text === file.content) return { ...base, action: 'unchanged' };
  if (file.policy === 'config') return { ...base, action: 'update', write: applyStyle(file.content, style) };
  if (file.policy === 'merge-json') return decideJson(file, raw, record ? trustedBase(disk, file.path, record) : undefined, warnings);
  if (!record) {
    // A file that equals the render was written by an interrupted run and was handled above.
    return options.force
      ? { ...base, action: 'update', write: applyStyle(file.content, style), backup: true, reason: 'overwritten by --force; yours is in .orig' }
      : { ...base, action: 'skip', reason: 'exists and was not written by Scaffold; --force replaces it, keeping a .orig copy' };
  }
  if (file.policy === 'seed') return { ...base, action: 'unchanged' };
  if (hasConflictMarkers(text)) {
    return { ...base, action: 'conflict', reason: 'still has conflict markers: resolve them, delete the marker lines, then run again' };
  }
  const userEdited = sha256(text) !== record.sha256;
  if (!userEdited) return { ...base, action: 'update', write: applyStyle(file.content, style) };
  if (options.force) {
    return { ...base, action: 'update', write: applyStyle(file.content, style), backup: true, reason: 'your edits were overwritten by --force; they are in .orig' };
  }
  if (sha256(file.content) === record.sha256) return { ...base, action: 'keep', reason: 'edited by you' };
  return decideMerge(file, text, style, trustedBase(disk, file.path, record), options.version);
}

/**
 * The base, only if it is what the manifest says Scaffold last wrote: a base that was
 * edited, or torn by a crash, would silently corrupt a merge, so it counts as missing.
 */
function trustedBase(disk: Disk, path: string, record: FileRecord): string | undefined {
  const raw = disk.readBase(path);
  return raw !== undefined && sha256(normalize(raw).text) === record.sha256 ? raw : undefined;
}

function decideMerge(file: PlannedFile, yours: string, style: TextStyle, baseRaw: string | undefined, version: string): Change {
  const base = { path: file.path, source: file.source, policy: file.policy };
  if (baseRaw === undefined) {
    return {
      ...base,
      action: 'conflict',
      reason: 'edited by you and changed by Scaffold, but its base in .scaffold/base.json is missing or altered, so the two cannot be merged; restore .scaffold/base.json from git, or run with --force to take the new version (yours is kept as .orig)',
    };
  }
  const merged = merge3(normalize(baseRaw).text, yours, file.content, version);
  if (merged.conflicts === 0) return { ...base, action: 'merge', write: applyStyle(merged.text, style), reason: 'your edits and the new version merged cleanly' };
  const n = merged.conflicts;
  return {
    ...base,
    action: 'conflict',
    write: applyStyle(merged.text, style),
    reason: `${n} conflicting change${n > 1 ? 's' : ''} marked with <<<<<<< yours / >>>>>>> scaffold: keep what you want, delete the markers, run again`,
  };
}

function decideJson(file: PlannedFile, raw: string, previous: string | undefined, warnings: string[]): Change {
  const base = { path: file.path, source: file.source, policy: file.policy };
  let yours: unknown;
  try {
    yours = JSON.parse(normalize(raw).text);
  } catch {
    return { ...base, action: 'skip', reason: 'is not valid JSON, so Scaffold cannot add what its suites need; fix it and run again' };
  }
  if (typeof yours !== 'object' || yours === null || Array.isArray(yours)) {
    return { ...base, action: 'skip', reason: 'is not a JSON object; fix it and run again' };
  }
  const result = mergeJson(previous ? JSON.parse(previous) : undefined, yours as never, JSON.parse(file.content));
  for (const clash of result.clashes) warnings.push(`${file.path}: kept your ${clash}; Scaffold's suites expect ${showValue(file.content, clash)}`);
  if (result.added.length === 0 && result.updated.length === 0) return { ...base, action: 'unchanged' };
  const parts = [result.added.length && `added ${result.added.join(', ')}`, result.updated.length && `updated ${result.updated.join(', ')}`];
  const style = normalize(raw).style;
  return { ...base, action: 'merge', write: applyStyle(stringifyLike(result.merged, raw), style), reason: parts.filter(Boolean).join('; ') };
}

function showValue(json: string, path: string): string {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], JSON.parse(json));
  return JSON.stringify(value);
}

/** A file that is no longer rendered: deleted if it is as Scaffold left it, else retired. */
function decideRemoval(path: string, record: FileRecord, disk: Disk): Change | undefined {
  const base = { path, source: record.source, policy: record.policy };
  const raw = disk.read(path);
  if (raw === undefined || record.policy === 'merge-json') return undefined;
  // Said once, when it stops being generated; after that it is quietly the person's.
  if (record.retired) return { ...base, action: 'unchanged' };
  if (record.policy === 'seed') return { ...base, action: 'keep', reason: 'no longer generated; the file is yours now' };
  if (sha256(normalize(raw).text) === record.sha256) return { ...base, action: 'delete' };
  return { ...base, action: 'keep', reason: 'no longer generated, but you edited it, so it stays; delete it if you no longer need it' };
}
