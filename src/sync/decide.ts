/**
 * Compare the FilePlan with the disk and the records and decide, file by file, what to do (the
 * table in the top-level README). Reads the disk; writes nothing: apply.ts does that. Files are
 * compared and merged as their bytes (text.ts), so nothing a person wrote changes by a byte.
 */
import { MANIFEST_FILE, MANIFEST_VERSION } from '../project-files.js';
import type { FilePlan, PlannedFile, Policy } from '../render/file-plan.js';
import { appendBlock, blockText, findBlock, removeBlock, replaceInner, type FoundBlock } from './block.js';
import { mergeJson, stringifyLike } from './json-merge.js';
import { hasConflictMarkers, merge3, markDifferences } from './merge3.js';
import { renamesBetween, type Rename } from '../catalog/renames.js';
import type { Action } from './actions.js';
import type { FileRecord, Manifest, Records } from './records.js';
import { hashBytes, hashText, sameContent } from '../content-hash.js';
import { applyStyle, bytesOf, normalize, textOf, type TextStyle } from './text.js';


export interface Change {
  path: string;
  action: Action;
  source: string;
  policy: Policy | 'records';
  /** The file's new bytes (a byte string, text.ts), in its own style, when the action writes it. */
  write?: string;
  /** The mode of the file it replaces, kept. */
  mode?: number;
  /** Where the current file is copied before it is replaced (`--force`): a name that is free. */
  backup?: string;
  /** Why: shown to the person for keep, skip, conflict and merge. */
  reason?: string;
  /** The person deleted this generated file; it stays deleted. */
  deleted?: boolean;
  /** What Scaffold's part of the file is, when that is not the planned content (a lines block). */
  owned?: string;
  /**
   * The new bytes are Scaffold's render and nothing else (a new file, or one the person left as
   * Scaffold wrote it): apply.ts does not flush it to disk on its own, since the next run can
   * write it again if a crash damages it (damagedByCrash).
   */
  renderOnly?: true;
}

export interface Disk {
  /** The file's bytes as a byte string, or undefined when there is none. */
  read(path: string): string | undefined;
  /** The file's permission bits, to keep them when it is replaced. */
  mode(path: string): number | undefined;
  exists(path: string): boolean;
  /** When the file last changed: its change time (ctime), in ns since the epoch. */
  changed(path: string): bigint | undefined;
}

export interface SyncOptions {
  /** Recorded in the manifest, for the fast path of update (up-to-date.ts). */
  projectType?: string;
  inputsHash?: string;
  /** What the run selected (entries, suites, depth), which the fast path reports as it is. */
  selection?: Record<string, unknown>;
  /** The packs' folders, relative to the project (for the fast path's inputs hash). */
  packs?: string[];
  force: boolean;
  restore: ReadonlySet<string>;
  version: string;
  /** The shipped renames (src/catalog/renames.ts), read only after an upgrade: those of the releases since the last run apply. */
  renames?: () => Rename[];
}

export interface SyncPlan {
  changes: Change[];
  /** The manifest after this run; its records point at `bases` for managed and JSON files. */
  manifest: Manifest;
  /** Canonical text of every file's base (what Scaffold renders now), keyed by path. */
  bases: Map<string, string>;
  warnings: string[];
}

export function planSync(planned: FilePlan, records: Records, disk: Disk, options: SyncOptions): SyncPlan {
  const previous = records.manifest;
  // Files the person detached are theirs; a whole project detached (then init again) starts afresh.
  const detached = new Set(previous.detachedOn ? [] : (previous.detached ?? []));
  const files = planned.filter((f) => !detached.has(f.path));
  const plan: SyncPlan = {
    changes: [],
    manifest: {
      version: MANIFEST_VERSION,
      scaffoldVersion: options.version,
      projectType: options.projectType,
      inputsHash: options.inputsHash,
      ...(options.selection && { selection: options.selection }),
      ...(options.packs?.length && { packs: options.packs }),
      ...(detached.size && { detached: [...detached] }),
      files: {},
    },
    bases: new Map(),
    warnings: [],
  };
  const backups = freeNames(disk);
  const moves = movesOf(files, previous, options);
  for (const file of files) {
    let from = moves.get(file.path);
    let record = previous.files[from ?? file.path];
    // A renamed file is decided where it was: its bytes, its mode and its base are the old path's.
    let { disk: at, records: kept } = from ? movedFrom(from, file.path, disk, records) : { disk, records };
    let change = decideFile(file, record, kept, at, options, plan.warnings, backups);
    if (from && !moveFits(from, file.path, change, disk)) {
      moves.delete(file.path);
      from = undefined;
      record = previous.files[file.path];
      ({ disk: at, records: kept } = { disk, records });
      change = decideFile(file, record, kept, at, options, plan.warnings, backups);
    }
    plan.changes.push(change);
    if (from) plan.changes.push(...moveChanges(from, file.path, change, disk, record!, options));
    if (file.policy === 'config' || change.action === 'skip') continue;
    if (record && (change.deleted || (change.action === 'conflict' && change.write === undefined))) {
      // Nothing was written, so what Scaffold last wrote is still the base for the next run.
      plan.manifest.files[file.path] = { ...record, ...(change.deleted && { deleted: true }) };
      const base = kept.base(file.path, record.hash);
      if (base !== undefined) plan.bases.set(file.path, base);
      continue;
    }
    // What is on disk after this run, as Scaffold left it: only a write of ours changes it. A file
    // left with conflict markers gets none, so the fast path of update never calls it up to date.
    // A file already equal to a new render was written by a run that died before its records:
    // what is on disk now is what Scaffold left.
    const owned = change.owned ?? file.content;
    // A file created whole holds its render's bytes: one hash is both.
    const whole = change.action === 'create' && change.write !== undefined && file.policy !== 'block' && file.policy !== 'lines';
    const rendered = whole ? hashBytes(change.write!) : hashText(owned);
    // A block's file may change outside the block without Scaffold minding: what is on disk stands.
    const written =
      change.action === 'conflict' ? undefined
      : whole ? rendered
      : change.write !== undefined ? hashBytes(change.write)
      : (file.policy !== 'block' && file.policy !== 'lines' && record?.hash === rendered && record.written) || hashOnDisk(at, file.path);
    plan.manifest.files[file.path] = { policy: file.policy, source: file.source, hash: rendered, ...(written && { written }) };
    if (file.policy !== 'seed') plan.bases.set(file.path, owned);
  }
  const rendered = new Set(files.map((f) => f.path));
  const movedAway = new Set(moves.values());
  for (const [path, record] of Object.entries(previous.files)) {
    if (rendered.has(path) || movedAway.has(path)) continue;
    const change = decideRemoval(path, record, disk);
    if (!change) continue;
    plan.changes.push(change);
    // A file whose block was taken out is the person's alone: no record stays.
    const blockRemoved = (record.policy === 'block' || record.policy === 'lines') && change.action === 'update';
    if (change.action !== 'delete' && !blockRemoved) {
      plan.manifest.files[path] = { ...record, retired: true };
      // A seed has no base (the person owns it from the start): nothing to look up.
      const kept = record.policy === 'seed' ? undefined : records.base(path, record.hash);
      if (kept !== undefined) plan.bases.set(path, kept);
    }
  }
  if (records.rebuilt) noteRebuilt(plan, records.rebuilt);
  return plan;
}

/**
 * The renames of the releases since the last run (content/renames.yml) that this project needs:
 * the old path has a record and is no longer rendered, the new one is rendered and has none.
 * (Whether a file already at the new path lets the move happen is decided with it: moveFits.)
 */
function movesOf(files: FilePlan, previous: Manifest, options: SyncOptions): Map<string, string> {
  const moves = new Map<string, string>();
  if (!options.renames || previous.scaffoldVersion === options.version) return moves;
  const rendered = new Set(files.map((f) => f.path));
  for (const [from, to] of renamesBetween(options.renames(), previous.scaffoldVersion, options.version)) {
    if (!previous.files[from] || previous.files[to] || !rendered.has(to) || rendered.has(from)) continue;
    moves.set(to, from);
  }
  return moves;
}

/**
 * Nothing of the person's is at the new path: no file, or exactly what this move writes there
 * (left by a run that died between writing the new path and deleting the old). Anything else
 * there is the person's, and the rename is not applied.
 */
function moveFits(from: string, to: string, change: Change, disk: Disk): boolean {
  const there = disk.read(to);
  const old = disk.read(from);
  if (there === undefined || old === undefined) return true;
  return (change.write ?? old) === there;
}

/** The disk and records as a file moved from `from` to `to` sees them: the old path's. */
function movedFrom(from: string, to: string, disk: Disk, records: Records): { disk: Disk; records: Records } {
  const at = (path: string) => (path === to && disk.read(from) !== undefined ? from : path);
  return {
    disk: { read: (path) => disk.read(at(path)), mode: (path) => disk.mode(at(path)), exists: (path) => disk.exists(at(path)), changed: (path) => disk.changed(at(path)) },
    records: { ...records, base: (path, hash) => (path === to ? (records.base(from, hash) ?? records.base(to, hash)) : records.base(path, hash)) },
  };
}

/**
 * The file moves with its content: the decided change is written at the new path (the person's
 * bytes when the decision writes nothing), and the old path is removed and reported as `rename`.
 */
function moveChanges(from: string, to: string, change: Change, disk: Disk, record: FileRecord, options: SyncOptions): Change[] {
  const old = disk.read(from);
  if (old === undefined) return [];
  if (change.write === undefined && change.action !== 'skip') {
    change.write = old;
    change.mode = disk.mode(from);
  }
  const version = renamedIn(options.renames!(), from);
  return [{ path: from, action: 'rename', source: record.source, policy: record.policy, reason: `moved to ${to}${version ? ` (renamed in Scaffold ${version})` : ''}; your edits came along` }];
}

const renamedIn = (renames: Rename[], from: string) => renames.find((r) => r.from === from)?.version;

/** Said once, and counted as out of date until the rebuilt manifest is written. */
function noteRebuilt(plan: SyncPlan, problem: string): void {
  const unknown = plan.changes.filter((c) => c.action === 'skip' && c.policy !== 'seed').map((c) => c.path);
  const tail = unknown.length
    ? ` ${unknown.length} file(s) differ from Scaffold's render and have no base, so they are kept as they are (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', ...' : ''}); \`scaffold update --force\` takes Scaffold's version and keeps yours as .orig`
    : '';
  plan.warnings.push(`${problem}: rebuilt it from .scaffold/base.json and the files.${tail}`);
  plan.changes.push({ path: MANIFEST_FILE, action: 'update', source: 'records', policy: 'records', reason: 'rebuilt; commit it' });
}

/** Only for files never recorded before, so the disk is not read a second time for the rest. */
function hashOnDisk(disk: Disk, path: string): string | undefined {
  const raw = disk.read(path);
  return raw === undefined ? undefined : hashBytes(raw);
}

/** `.orig`, `.orig.1`, ...: the first name that neither exists nor was taken earlier in this run. */
function freeNames(disk: Disk): (path: string) => string {
  const taken = new Set<string>();
  return (path) => {
    for (let i = 0; ; i++) {
      const name = i === 0 ? `${path}.orig` : `${path}.orig.${i}`;
      if (!taken.has(name) && !disk.exists(name)) {
        taken.add(name);
        return name;
      }
    }
  };
}

function decideFile(
  file: PlannedFile,
  record: FileRecord | undefined,
  records: Records,
  disk: Disk,
  options: SyncOptions,
  warnings: string[],
  backupName: (path: string) => string,
): Change {
  const base = { path: file.path, source: file.source, policy: file.policy };
  const raw = disk.read(file.path);
  if (raw === undefined) {
    if (record && !options.restore.has(file.path)) {
      // Said once, when the deletion is first seen; after that the file is quietly left alone.
      if (record.deleted) return { ...base, action: 'unchanged', deleted: true };
      return { ...base, action: 'keep', deleted: true, reason: `deleted by you; \`scaffold update --restore ${file.path}\` brings it back` };
    }
    // config.yml holds the answers, which nothing else keeps: it is flushed like a person's file.
    return { ...base, action: 'create', write: wholeFile(file), ...(file.policy !== 'config' && { renderOnly: true }) };
  }
  // Only a file on disk needs the render as a byte string (text.ts), to compare and merge with.
  const content = bytesOf(file.content);
  const { text, style } = normalize(raw);
  if (text === content) return { ...base, action: 'unchanged' };
  const write = applyStyle(content, style);
  const renderOnly = file.policy === 'managed' && write === content;
  const replace = (extra: Partial<Change>): Change => ({ ...base, action: 'update', write, mode: disk.mode(file.path), ...(renderOnly && { renderOnly: true }), ...extra });
  if (file.policy === 'config') return replace({});
  if (damagedByCrash(file, raw, record, records, disk)) {
    const reason = "damaged by a crash after Scaffold wrote it (it held part of Scaffold's text and nothing of yours): written again";
    return { ...base, action: 'update', write: wholeFile(file), mode: disk.mode(file.path), renderOnly: true, reason };
  }
  if (file.policy === 'merge-json') {
    const previous = record ? records.base(file.path, record.hash) : undefined;
    return decideJson(file, raw, previous, disk.mode(file.path), warnings);
  }
  if (file.policy === 'block' || file.policy === 'lines') return decideBlock(file, content, text, style, record, records, disk, options);
  if (!record) {
    // A file that equals the render was written by an interrupted run and was handled above.
    if (!options.force) return { ...base, action: 'skip', reason: 'exists and was not written by Scaffold; --force replaces it, keeping a .orig copy' };
    const backup = backupName(file.path);
    return replace({ backup, reason: `overwritten by --force; yours is in ${backup}` });
  }
  if (file.policy === 'seed') return { ...base, action: 'unchanged' };
  if (hasConflictMarkers(text)) {
    return { ...base, action: 'conflict', reason: 'still has conflict markers: resolve them, delete the marker lines, then run again' };
  }
  const userEdited = !sameContent(text, record.hash);
  if (!userEdited) return replace({});
  if (options.force) {
    const backup = backupName(file.path);
    return replace({ backup, reason: `your edits were overwritten by --force; they are in ${backup}` });
  }
  if (sameContent(content, record.hash)) return { ...base, action: 'keep', reason: 'edited by you' };
  const kept = records.base(file.path, record.hash);
  return decideMerge(file, content, text, style, kept === undefined ? undefined : bytesOf(kept), disk.mode(file.path), options.version);
}

/** A file's bytes as Scaffold creates it: its render, in its block for a file the person shares. */
function wholeFile(file: PlannedFile): string {
  return bytesOf(file.policy === 'block' || file.policy === 'lines' ? blockText(file.path, file.content) : file.content);
}

/**
 * Whether a crash damaged this file after Scaffold wrote it. A file that holds nothing but
 * Scaffold's render is not flushed to disk on its own (apply.ts, Change.renderOnly): only the
 * records are. If the power goes before its bytes reach the disk, it is left empty, with zero
 * bytes where its data was, or cut at a block. Such a file is written again when both hold:
 * - it is what a crash leaves of the render (crashLeft), so nothing in it can be a person's and
 *   writing the render loses nothing;
 * - it last changed while a run put its files in place (records.ts, lastWrites): the run whose
 *   records are on disk, or one that died before committing them. A person's edit comes later.
 * The render is this run's: a file damaged by a run of an older Scaffold whose render differed
 * is not recognised, and stays as the crash left it, like a file the person changed.
 */
function damagedByCrash(file: PlannedFile, raw: string, record: FileRecord | undefined, records: Records, disk: Disk): boolean {
  const changed = disk.changed(file.path);
  if (changed === undefined) return false;
  const { committed, diedAfter } = records.lastWrites();
  const inCommittedRun = record !== undefined && committed !== undefined && committed.from <= changed && changed <= committed.to;
  // A run that died before its commit was writing this render too (the same inputs, run again).
  const inDeadRun = diedAfter !== undefined && changed >= diedAfter;
  return (inCommittedRun || inDeadRun) && crashLeft(raw, wholeFile(file));
}

/**
 * `bytes` is what a crash can leave of `whole`, written but not yet on the disk: nothing (ext4
 * leaves such a file empty), `whole` with zero bytes where its data was missing (XFS), or
 * `whole` cut at a 4 KiB block. Every byte is `whole`'s at that place or zero. A file merely
 * shorter is not taken for damage: a person's cut looks the same.
 */
function crashLeft(bytes: string, whole: string): boolean {
  if (bytes === whole || bytes.length > whole.length) return false;
  let zeros = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes.charCodeAt(i);
    if (byte === 0) zeros = true;
    else if (byte !== whole.charCodeAt(i)) return false;
  }
  return zeros || bytes.length % 4096 === 0;
}

/**
 * A file with Scaffold's block in it: the block is decided like a managed file (its inside
 * against its base), and every byte outside it is written back as it was.
 */
function decideBlock(file: PlannedFile, rendered: string, text: string, style: TextStyle, record: FileRecord | undefined, records: Records, disk: Disk, options: SyncOptions): Change {
  const found = findBlock(text);
  // lines: only what the person's part of the file lacks goes into the block.
  const content = file.policy === 'lines' ? linesLacking(rendered, found ? found.before + found.after : text) : rendered;
  const owned = file.policy === 'lines' ? { owned: textOf(content) } : {};
  const decided = decideBlockOf(file, content, text, found, style, record, records, disk, options);
  return { ...decided, ...owned };
}

function decideBlockOf(file: PlannedFile, content: string, text: string, found: FoundBlock | undefined, style: TextStyle, record: FileRecord | undefined, records: Records, disk: Disk, options: SyncOptions): Change {
  const base = { path: file.path, source: file.source, policy: file.policy, mode: disk.mode(file.path) };
  if (!found) {
    if (record && !options.restore.has(file.path)) {
      // The person took the block out, markers and all: like deleting a generated file.
      if (record.deleted) return { ...base, action: 'unchanged', deleted: true };
      return { ...base, action: 'keep', deleted: true, reason: `you removed Scaffold's block; \`scaffold update --restore ${file.path}\` brings it back` };
    }
    const added = appendBlock(text, file.path, content);
    return { ...base, action: 'update', write: applyStyle(added, style), reason: "Scaffold's block added at the end; the rest of the file is yours" };
  }
  if (found.inner === content) return { ...base, action: 'unchanged' };
  const write = (inner: string) => applyStyle(replaceInner(found, inner), style);
  if (hasConflictMarkers(found.inner)) {
    return { ...base, action: 'conflict', reason: 'its block still has conflict markers: resolve them, delete the marker lines, then run again' };
  }
  const edited = !record || !sameContent(found.inner, record.hash);
  if (!edited || options.force) return { ...base, action: 'update', write: write(content) };
  if (sameContent(content, record!.hash)) return { ...base, action: 'keep', reason: 'block edited by you' };
  const kept = records.base(file.path, record!.hash);
  const merged = kept === undefined ? markDifferences(found.inner, content, options.version) : merge3(bytesOf(kept), found.inner, content, options.version);
  if (merged.conflicts === 0) return { ...base, action: 'merge', write: write(merged.text), reason: 'your edits to the block and the new version merged cleanly' };
  return { ...base, action: 'conflict', write: write(merged.text), reason: `${merged.conflicts} conflicting change(s) in the block marked with <<<<<<< yours / >>>>>>> scaffold: keep what you want, delete the markers, run again` };
}

function decideMerge(file: PlannedFile, content: string, yours: string, style: TextStyle, baseText: string | undefined, mode: number | undefined, version: string): Change {
  const base = { path: file.path, source: file.source, policy: file.policy, mode };
  if (baseText === undefined) {
    // The version both sides started from is gone (base.json lost or edited): no three-way merge
    // is possible, so every difference is marked once; after that the file merges as usual.
    const marked = markDifferences(yours, content, version);
    return {
      ...base,
      action: 'conflict',
      write: applyStyle(marked.text, style),
      reason: `edited by you and changed by Scaffold, and the version both started from is missing from .scaffold/base.json, so ${marked.conflicts} difference(s) are marked with <<<<<<< yours / >>>>>>> scaffold: keep what you want, delete the markers, run again`,
    };
  }
  const merged = merge3(baseText, yours, content, version);
  if (merged.conflicts === 0) return { ...base, action: 'merge', write: applyStyle(merged.text, style), reason: 'your edits and the new version merged cleanly' };
  const n = merged.conflicts;
  return {
    ...base,
    action: 'conflict',
    write: applyStyle(merged.text, style),
    reason: `${n} conflicting change${n > 1 ? 's' : ''} marked with <<<<<<< yours / >>>>>>> scaffold: keep what you want, delete the markers, run again`,
  };
}

function decideJson(file: PlannedFile, raw: string, previous: string | undefined, mode: number | undefined, warnings: string[]): Change {
  const base = { path: file.path, source: file.source, policy: file.policy };
  const { text: canonical, style } = normalize(raw);
  let yours: unknown;
  try {
    yours = JSON.parse(textOf(canonical));
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
  const merged = bytesOf(stringifyLike(result.merged, textOf(canonical)));
  return { ...base, action: 'merge', write: applyStyle(merged, style), mode, reason: parts.filter(Boolean).join('; ') };
}

function showValue(json: string, path: string): string {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], JSON.parse(json));
  return JSON.stringify(value);
}

/**
 * The lines of `wanted` that `text` does not have (compared trimmed), in their order; a comment
 * or blank line stays only if a line it introduces is kept.
 */
function linesLacking(wanted: string, text: string): string {
  const present = new Set(text.split('\n').map((l) => l.trim()).filter(Boolean));
  const kept: string[] = [];
  let pending: string[] = [];
  for (const line of wanted.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) pending.push(line);
    else if (!present.has(trimmed)) {
      kept.push(...pending, line);
      pending = [];
    } else pending = [];
  }
  while (kept.length && kept[0]!.trim() === '') kept.shift();
  return kept.length ? `${kept.join('\n')}\n` : '';
}

/** A block no longer rendered: taken out if unedited (the file goes if nothing else is left), else kept. */
function removeOwnBlock(path: string, raw: string, record: FileRecord, disk: Disk): Change | undefined {
  const base = { path, source: record.source, policy: record.policy };
  const { text, style } = normalize(raw);
  const found = findBlock(text);
  if (!found) return undefined;
  if (!sameContent(found.inner, record.hash)) return { ...base, action: 'keep', reason: 'no longer generated, but you edited its block, so it stays; delete it if you no longer need it' };
  const rest = removeBlock(found);
  if (rest.trim() === '') return { ...base, action: 'delete' };
  return { ...base, action: 'update', write: applyStyle(rest, style), mode: disk.mode(path), reason: "Scaffold's block removed; the rest of the file is yours" };
}

/** A file that is no longer rendered: deleted if it is as Scaffold left it, else retired. */
function decideRemoval(path: string, record: FileRecord, disk: Disk): Change | undefined {
  const base = { path, source: record.source, policy: record.policy };
  const raw = disk.read(path);
  if (raw === undefined || record.policy === 'merge-json') return undefined;
  // Said once, when it stops being generated; after that it is quietly the person's.
  if (record.retired) return { ...base, action: 'unchanged' };
  if (record.policy === 'block' || record.policy === 'lines') return removeOwnBlock(path, raw, record, disk);
  if (record.policy === 'seed') return { ...base, action: 'keep', reason: 'no longer generated; the file is yours now' };
  if (sameContent(normalize(raw).text, record.hash)) return { ...base, action: 'delete' };
  return { ...base, action: 'keep', reason: 'no longer generated, but you edited it, so it stays; delete it if you no longer need it' };
}
