/**
 * Scaffold's records in a project, both committed with it:
 *
 * - .scaffold/manifest.json: per file Scaffold generated, its policy and source, the hash of
 *   Scaffold's render (the base of the next merge), the hash of the bytes Scaffold last left on
 *   disk, and whether the person deleted it or it was retired. Writing it is the run's commit.
 * - .scaffold/base.json: the text of each base, so a later run can merge, even on a fresh clone.
 *   One line per file with a blank line between, so git merges two branches file by file.
 *
 * A run writes the new bases to base.json.next before it commits the manifest, and renames them
 * to base.json after. A base is looked up by the hash the manifest records, in base.json, then
 * base.json.next, so whichever manifest is on disk after a crash finds its bases. A manifest
 * that is missing or unreadable is rebuilt from the bases and the files, and the person is told.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../schema-library.js';
import { once } from '../once.js';
import { hashBytes, LEGACY_SHA256, sameContent } from '../content-hash.js';
import { BASE_FILE, CONFIG_FILE, LEGACY_BASE_DIR, MANIFEST_FILE, MANIFEST_VERSION, NEXT_BASE_FILE } from '../project-files.js';
import type { FilePlan } from '../render/file-plan.js';
import type { Chunks } from './disk-ops.js';
import { tempOf } from './paths.js';
import { bytesOf, normalize } from './text.js';

/** Built on first use: a new project has no manifest to check. */
const schemas = once(() => {
  const record = z.object({
    policy: z.enum(['managed', 'seed', 'merge-json', 'block', 'lines']),
    source: z.string(),
    /**
     * The hash of Scaffold's render (canonical: LF, no BOM), the base of the next merge: XXH64
     * (src/content-hash.ts), or `sha256:<hex>` when carried over from a version 1 manifest.
     */
    hash: z.string(),
    /** The hash of the bytes on disk right after Scaffold last wrote the file (for the fast path). */
    written: z.optional(z.string()),
    /** The person deleted this file; it stays deleted until `update --restore`. */
    deleted: z.optional(z.boolean()),
    /**
     * No longer selected, but kept because it is the person's (edited, or a seed file). The record
     * stays so that selecting it again merges with the person's version instead of skipping it.
     */
    retired: z.optional(z.boolean()),
  });
  const manifest = z.object({
    version: z.literal(MANIFEST_VERSION),
    scaffoldVersion: z.string(),
    /** The project type the files were generated for (reported by the fast path of update). */
    projectType: z.optional(z.string()),
    /** The hash of everything the render depends on (src/catalog/inputs.ts), for the fast path. */
    inputsHash: z.optional(z.string()),
    /** The folders of the config's packs, relative to the project: their files are inputs too. */
    packs: z.optional(z.array(z.string())),
    /** What the run selected, reported by the fast path as it is. */
    selection: z.optional(z.record(z.string(), z.unknown())),
    /** Files the person detached (`scaffold detach`): no longer rendered, never mentioned again. */
    detached: z.optional(z.array(z.string())),
    /** The day the whole project was detached: `update` has nothing to manage, `init` starts again. */
    detachedOn: z.optional(z.string()),
    files: z.record(z.string(), record),
  });
  return { record, manifest };
});

export type FileRecord = z.infer<ReturnType<typeof schemas>['record']>;
export type Manifest = z.infer<ReturnType<typeof schemas>['manifest']>;

export interface Records {
  manifest: Manifest;
  /** The base of `path` whose hash is `hash` (canonical text), if one is kept. */
  base(path: string, hash: string): string | undefined;
  /** Every base base.json holds, as read; undefined if it is missing or damaged. */
  stored(): Record<string, string> | undefined;
  /** Said to the person when the manifest had to be rebuilt. */
  rebuilt?: string;
  /** base.json.next is on disk (a run died around its commit), or the old base folder is. */
  nextOnDisk: boolean;
  legacyOnDisk: boolean;
  /** When runs last put files in place: see lastWrites. */
  lastWrites(): LastWrites;
}

/**
 * When files were last put in place (ns since the epoch), which tells a crash's damage from a
 * person's edit (decide.ts). A run stages every file, then the manifest's temp file, renames
 * the files into place, then renames the manifest into place. So a file the run whose manifest
 * is on disk wrote last changed between that manifest's modification and its change time
 * (`committed`); one written by a run that died before its commit, after the manifest's temp
 * file it left was written (`diedAfter`). A manifest written where it stands (by a checkout, a
 * copy) changed when it was written, and tells of no run: file systems stamp times in ticks of
 * a few ms, in which git writes many files. A run that commits within the tick it staged in
 * leaves no window either, and what a crash does to its files is not recognised.
 */
export interface LastWrites {
  committed?: { from: bigint; to: bigint };
  diedAfter?: bigint;
}

function lastWrites(projectDir: string, committed: boolean): LastWrites {
  const stat = (path: string) => statSync(join(projectDir, path), { bigint: true, throwIfNoEntry: false });
  const manifest = committed ? stat(MANIFEST_FILE) : undefined;
  const staged = stat(tempOf(MANIFEST_FILE));
  const renamed = manifest && manifest.ctimeNs > manifest.mtimeNs;
  return { ...(renamed && { committed: { from: manifest.mtimeNs, to: manifest.ctimeNs } }), ...(staged && { diedAfter: staged.mtimeNs }) };
}

/**
 * A file's stat, or undefined when there is no file. Unlike existsSync, a path that cannot be
 * looked at (a loop of symbolic links, a file where a folder should be, no permission) is an
 * error, never "missing": a generated file must not pass for deleted by the person.
 */
export function statIfThere(path: string, notDir?: () => Error): { isFile(): boolean; mode: number } | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat && { isFile: () => stat.isFile(), mode: stat.mode & 0o7777 };
  } catch (error) {
    if (notDir && (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw notDir();
    throw error;
  }
}

export function emptyManifest(version: string): Manifest {
  return { version: MANIFEST_VERSION, scaffoldVersion: version, files: {} };
}

/** One file of bases (base.json, or base.json.next). */
interface BaseFile {
  /** The base of `path` as its own line of the file holds it, parsed alone; see readBaseFile. */
  line(path: string): string | undefined;
  /** Every base, the whole file parsed; undefined if it is missing or damaged (a damaged base is no base). */
  all(): Record<string, string> | undefined;
}

/**
 * A file of bases, read once as bytes. serializeBases writes one base per line, so a base can be
 * found by its key at the start of a line (a newline inside a base is escaped) and parsed alone:
 * a merge needs a few of a project's bases, and parsing them all is most of what reading
 * base.json costs. Any other layout (a file formatted by hand, CRLF, escaped keys) finds no
 * line or no value on it, and the caller falls back to `all()`.
 */
function readBaseFile(path: string): BaseFile {
  const bytes = existsSync(path) ? readFileSync(path) : undefined;
  const all = once(() => {
    if (!bytes) return undefined;
    try {
      const data = JSON.parse(bytes.toString('utf8')) as unknown;
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  });
  const line = (path: string): string | undefined => {
    if (!bytes) return undefined;
    const key = Buffer.from(`\n  ${JSON.stringify(path)}: "`);
    const at = bytes.indexOf(key);
    if (at < 0) return undefined;
    // From the value's opening quote to the end of its line, without the comma.
    const from = at + key.length - 1;
    let to = bytes.indexOf(10, from);
    if (to < 0) to = bytes.length;
    if (bytes[to - 1] === 0x2c) to--;
    try {
      const text = JSON.parse(bytes.toString('utf8', from, to)) as unknown;
      return typeof text === 'string' ? text : undefined;
    } catch {
      return undefined;
    }
  };
  return { line, all };
}

/** The records of a project, rebuilt from the bases and `files` (the new FilePlan) if the manifest is gone. */
export function readRecords(projectDir: string, version: string, files: FilePlan): Records {
  const baseFiles = once(() => [readBaseFile(join(projectDir, BASE_FILE)), readBaseFile(join(projectDir, NEXT_BASE_FILE))]);
  const bases = once(() => baseFiles().map((file) => file.all() ?? {}));
  const legacyDir = join(projectDir, LEGACY_BASE_DIR);
  const legacyOnDisk = existsSync(legacyDir);
  const base = (path: string, hash: string): string | undefined => {
    for (const file of baseFiles()) {
      // The base's own line, which is what serializeBases wrote; else the whole file's value.
      const own = file.line(path);
      if (own !== undefined && sameContent(bytesOf(own), hash)) return own;
      const kept = file.all();
      const text = kept && Object.hasOwn(kept, path) ? kept[path] : undefined;
      if (text !== undefined && text !== own && sameContent(bytesOf(text), hash)) return text;
    }
    const old = join(legacyDir, path);
    if (legacyOnDisk && existsSync(old)) {
      const text = normalize(readFileSync(old, 'latin1')).text;
      if (sameContent(text, hash)) return Buffer.from(text, 'latin1').toString('utf8');
    }
    return undefined;
  };
  const stored = () => baseFiles()[0]!.all();
  const nextOnDisk = existsSync(join(projectDir, NEXT_BASE_FILE));
  const common = (committed: boolean) => ({ base, stored, nextOnDisk, legacyOnDisk, lastWrites: once(() => lastWrites(projectDir, committed)) });
  const path = join(projectDir, MANIFEST_FILE);
  let problem: string | undefined;
  if (existsSync(path)) {
    try {
      const result = schemas().manifest.safeParse(fromVersion1(JSON.parse(readFileSync(path, 'utf8'))));
      if (result.success) return { manifest: result.data, ...common(true) };
      problem = `is damaged (${result.error.issues[0]?.message ?? 'not a manifest'})`;
    } catch (error) {
      problem = `is not valid JSON (${(error as Error).message})`;
    }
  } else if (existsSync(join(projectDir, CONFIG_FILE)) || Object.keys(bases()[0]!).length > 0) {
    problem = 'is missing';
  }
  if (!problem) return { manifest: emptyManifest(version), ...common(false) };
  return { ...rebuild(projectDir, version, files, bases()), ...common(false), rebuilt: `${MANIFEST_FILE} ${problem}` };
}

/**
 * A manifest of version 1, whose hashes were SHA-256 in `sha256` and `written`, in version 2's
 * shape: each hash marked `sha256:`, which sameContent checks with SHA-256 (content-hash.ts). The
 * next run that writes the manifest writes version 2 with its own hashes. Anything else is left as
 * it is, for the schema to judge.
 */
function fromVersion1(data: unknown): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const marked = (hash: unknown) => (typeof hash === 'string' ? LEGACY_SHA256 + hash : hash);
  if (!isObject(data) || data.version !== 1 || !isObject(data.files)) return data;
  const files: Record<string, unknown> = {};
  for (const [path, record] of Object.entries(data.files)) {
    if (!isObject(record)) {
      files[path] = record;
      continue;
    }
    const { sha256, written, ...rest } = record;
    files[path] = { ...rest, hash: marked(sha256), ...(written !== undefined && { written: marked(written) }) };
  }
  return { ...data, version: MANIFEST_VERSION, files };
}

/**
 * A manifest made again from what can be trusted: every file base.json (or .next) holds a base
 * for was written by Scaffold with that base; it is as Scaffold left it when it still equals
 * the base, else edited by the person; missing, it was deleted by the person. Files without a
 * base are judged by the files themselves in decide.ts (equal to the render: Scaffold's).
 */
function rebuild(projectDir: string, version: string, files: FilePlan, bases: Record<string, string>[]): { manifest: Manifest } {
  const planned = new Map(files.map((f) => [f.path, f]));
  const manifest = emptyManifest(version);
  for (const kept of [...bases].reverse()) {
    for (const [path, text] of Object.entries(kept)) {
      const file = planned.get(path);
      const policy = file?.policy === 'merge-json' || file?.policy === 'block' || file?.policy === 'lines' ? file.policy : 'managed';
      const record: FileRecord = { policy, source: file?.source ?? 'rebuilt from base.json', hash: hashBytes(bytesOf(text)) };
      const full = join(projectDir, path);
      if (!statIfThere(full)) record.deleted = true;
      else {
        const raw = readFileSync(full, 'latin1');
        if (normalize(raw).text === bytesOf(text)) record.written = hashBytes(raw);
      }
      manifest.files[path] = record;
    }
  }
  return { manifest };
}

/**
 * Stable text: sorted paths, so the committed file diffs cleanly. The paths are sorted by the
 * built-in order (UTF-16 code units, as `<` compares strings), and the object is built by
 * assignment: the comparator and Object.fromEntries took 15 ms at a thousand files.
 */
export function serializeManifest(manifest: Manifest): string {
  // No prototype: every path is a plain key, whatever it is called.
  const files: Manifest['files'] = Object.create(null);
  for (const path of Object.keys(manifest.files).sort()) files[path] = manifest.files[path]!;
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

/**
 * base.json's bytes: sorted paths, one per line, a blank line between them (what
 * JSON.stringify(…, null, 2) writes, with the blank lines). Encoded base by base as the file is
 * written, each line dropped once written: held until then, the encoded text would be most of a
 * project's bytes again (7 MB at 20 times the content), copied by every garbage collection
 * meanwhile. The chunks are made afresh each time they are read.
 */
export function serializeBases(bases: Map<string, string>): Chunks {
  // Sorted as the manifest's paths are (serializeManifest).
  const sorted = [...bases.keys()].sort().map((path) => [path, bases.get(path)!] as const);
  let size = 4;
  for (const [path, text] of sorted) size += path.length + Buffer.byteLength(text, 'utf8') + 8;
  return {
    size,
    *[Symbol.iterator]() {
      if (sorted.length === 0) {
        yield '{}\n';
        return;
      }
      // JSON escapes newlines inside strings, so every real newline here is between entries.
      for (const [i, [path, text]] of sorted.entries()) yield bytesOf(`${i === 0 ? '{\n' : ',\n\n'}  ${JSON.stringify(path)}: ${JSON.stringify(text)}`);
      yield '\n}\n';
    },
  };
}
