/**
 * What the build derives from the files Scaffold ships (content/, templates/): parsed templates,
 * and YAML and frontmatter parsed and checked against their formats, stored under dist/compiled/
 * with a hash of the text each was derived from. `fromBuild` is the one place that decides
 * between the build's copy and deriving it now: the copy is used only while its file still has
 * that text, so a file changed since the build (working on Scaffold itself) is derived on the
 * spot, the same way the build derived it. A run from the build parses and checks none of the
 * shipped files it reads.
 *
 * Artifacts are grouped by the folder a run reads together, one JSON file each: a suite
 * (templates/ml-unit.json), a project type's knowledge (content/knowledge/ml.json), the types
 * (content/types.json). One read per folder instead of one per file. The knowledge entries'
 * bodies, most of the bytes, sit in a file of their own beside their group's (GroupFile below).
 */
import { existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHasher, hashText } from '../content-hash.js';
import { once } from '../once.js';
import { PACKAGE_ROOT, scaffoldVersion } from '../package-root.js';
import { readRange } from '../read-bytes.js';
import { filesUnder } from './files.js';

export const COMPILED_DIR = 'dist/compiled';
/** The folders whose files make up Scaffold's shipped content. */
export const SHIPPED_DIRS = ['content', 'templates'] as const;

/**
 * `template`: a parsed template; `body`: a knowledge entry's parsed body, kept apart (below);
 * `data`: YAML or frontmatter parsed and checked; `file`: a suite file copied as it is, of which
 * only the hash is stored.
 */
export type ArtifactKind = 'template' | 'body' | 'data' | 'file';
type Artifact = { hash: string; value: unknown };
type Group = Record<string, Artifact>;

/**
 * A group's file: its artifacts, and the key and length in bytes of each line of
 * `<group>.bodies.jsonl`, in order. Knowledge bodies are most of the build's bytes (the ml
 * knowledge: 380 of 400 KB) and a run needs each once, to render its entry: read with the group,
 * they were all parsed before the first was needed and lived to the end of the run (at 20 times
 * the content, tens of MB that the system hands out a page at a time). Apart, each line is read
 * and parsed when its entry renders (through read-bytes.ts's one buffer), and nothing keeps the
 * tree.
 */
interface GroupFile {
  artifacts: Group;
  bodies: [key: string, bytes: number][];
}

/** `source` is a path relative to the package, plus `#path` for a suite file's path template. */
function groupOf(source: string): string {
  const parts = source.split('/');
  return parts[0] === 'templates' ? parts.slice(0, 2).join('/') : parts.slice(0, -1).join('/');
}

const groupFile = (group: string) => join(PACKAGE_ROOT, COMPILED_DIR, `${group}.json`);
const bodiesFile = (group: string) => join(PACKAGE_ROOT, COMPILED_DIR, `${group}.bodies.jsonl`);
const keyOf = (source: string, kind: ArtifactKind) => `${kind} ${source}`;
/**
 * The groups read so far. A group's bodies file is opened at its first body and stays open for
 * the process (one per project type at most): a long run that holds the group (`mcp`, `explore`)
 * keeps reading the file its offsets describe while Scaffold is reinstalled or rebuilt (npm and
 * the build remove the old files and write new ones; the open file stays the old one).
 */
const loaded = new Map<string, { artifacts: Group; bodies: Map<string, { at: number; length: number }>; fd?: number }>();

function stored(source: string, kind: ArtifactKind): Artifact | undefined {
  const name = groupOf(source);
  let group = loaded.get(name);
  if (!group) {
    const file = groupFile(name);
    const { artifacts, bodies } = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GroupFile) : { artifacts: {}, bodies: [] };
    group = { artifacts, bodies: new Map() };
    let at = 0;
    for (const [key, length] of bodies) {
      group.bodies.set(key, { at, length });
      at += length + 1;
    }
    loaded.set(name, group);
  }
  const key = keyOf(source, kind);
  const line = group.bodies.get(key);
  if (line === undefined) return group.artifacts[key];
  group.fd ??= openSync(bodiesFile(name), 'r');
  return JSON.parse(readRange(group.fd, line.at, line.length)) as Artifact;
}

/**
 * What the build derived from shipped `source`, else `derive(text)`. While the shipped files are
 * the ones the build read (`buildRecord`), the stored value is used without reading `source` at
 * all; otherwise only if `read()` still gives the text it was built from.
 */
export function fromBuild<T>(source: string, kind: ArtifactKind, read: () => string, derive: (text: string) => T): T {
  const found = stored(source, kind);
  if (found && asTheBuildLeftThem()) return found.value as T;
  const text = read();
  return found && found.hash === hashText(text) ? (found.value as T) : derive(text);
}

const asTheBuildLeftThem = () => recordOfThisRun() !== undefined;

/**
 * An artifact derived from all the shipped content rather than one file (the config JSON
 * Schema): the build stores it with the content's fingerprint, and a run uses it while the
 * fingerprint holds.
 */
export function fromBuildFor<T>(name: string, fingerprintNow: string, derive: () => T): T {
  const file = join(PACKAGE_ROOT, COMPILED_DIR, `${name}.json`);
  const found = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { fingerprint: string; value: T }) : undefined;
  return found?.fingerprint === fingerprintNow ? found.value : derive();
}

// ---- The fingerprint of the shipped content --------------------------------------------------

/**
 * The build's record of the shipped files, in two files: the fingerprint (which update's fast path
 * needs, and nothing else) apart from the size of every file (a few hundred entries, which take
 * longer to parse than the rest of the fast path's reading), read only when a run lists or checks
 * the shipped files.
 */
const FINGERPRINT_FILE = 'fingerprint.json';
const SIZES_FILE = 'sizes.json';

/** What the build recorded of the shipped files: their fingerprint and when it read them. */
export interface BuildRecord {
  fingerprint: string;
  /** The Scaffold version the build ran as (the fingerprint includes it). */
  version: string;
  /** Milliseconds since the epoch when the build started reading the files. */
  readAt: number;
}

/**
 * This Scaffold's version and the bytes of every shipped file, hashed. Hashing bytes rather than
 * modification times keeps it the same on every machine that installs this version, so a fresh
 * CI clone of a project gets update's fast path too.
 */
export function hashShippedContent(): string {
  const hash = createHasher().update(scaffoldVersion());
  for (const top of SHIPPED_DIRS) {
    for (const file of filesUnder(join(PACKAGE_ROOT, top))) hash.update(`${file}\0`).update(readFileSync(join(PACKAGE_ROOT, top, file)));
  }
  return hash.digest();
}

let fingerprint: string | undefined;

/**
 * The fingerprint of the shipped content: the build's, when the shipped files are the ones the
 * build read, else hashed now.
 *
 * - An installed package holds exactly the files its build read: it ships dist/, content/ and
 *   templates/ (no sources) and is built before it is packed, so its record is trusted as it is
 *   (changing the files of an installed package is not a way Scaffold is used).
 * - A source checkout of Scaffold (it has src/) is where content is edited, often without a new
 *   build: there every shipped file is checked against the record by its size and modification
 *   time, a stat per file instead of reading and hashing them all.
 */
export function shippedFingerprint(): string {
  fingerprint ??= recordOfThisRun()?.fingerprint ?? hashShippedContent();
  return fingerprint;
}

/** The build's record of the shipped files, if every one of them is still as the build read it. */
export function buildRecord(): BuildRecord | undefined {
  const file = join(PACKAGE_ROOT, COMPILED_DIR, FINGERPRINT_FILE);
  const record = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildRecord) : undefined;
  if (!record || record.version !== scaffoldVersion()) return undefined;
  return !existsSync(join(PACKAGE_ROOT, 'src')) || asBuilt(record) ? record : undefined;
}

/** The build's record as this run found it, looked at once. */
const recordOfThisRun = once(buildRecord);

/** The size of every shipped file when the build read it, by its path in the package. */
const builtSizes = once((): Record<string, number> => JSON.parse(readFileSync(join(PACKAGE_ROOT, COMPILED_DIR, SIZES_FILE), 'utf8')) as Record<string, number>);

/**
 * The files under `dir`, a folder of the shipped content relative to the package (e.g.
 * `content/knowledge`), as filesUnder lists them: from the build's record while it holds, so
 * that a run reads no folder of its own package; else from the disk.
 */
export function shippedFilesUnder(dir: string): string[] {
  const files = shippedFiles();
  if (!files) return filesUnder(join(PACKAGE_ROOT, dir));
  // The paths under a folder are a run of the sorted list: found by bisection, since a run asks
  // once per suite and there are thousands of files at the largest content.
  const prefix = `${dir}/`;
  let low = 0;
  let high = files.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (files[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < files.length && files[i]!.startsWith(prefix); i++) found.push(files[i]!.slice(prefix.length));
  return found;
}

/** Every shipped file the build's record lists, sorted; undefined when the record does not hold. */
const shippedFiles = once(() => (recordOfThisRun() ? Object.keys(builtSizes()).sort() : undefined));

function asBuilt(record: BuildRecord): boolean {
  const sizes = existsSync(join(PACKAGE_ROOT, COMPILED_DIR, SIZES_FILE)) ? builtSizes() : {};
  let count = 0;
  for (const top of SHIPPED_DIRS) {
    for (const file of filesUnder(join(PACKAGE_ROOT, top))) {
      const size = sizes[`${top}/${file}`];
      if (size === undefined) return false;
      const stat = statSync(join(PACKAGE_ROOT, top, file));
      if (stat.size !== size || stat.mtimeMs > record.readAt) return false;
      count++;
    }
  }
  return count === Object.keys(sizes).length;
}

/**
 * JSON with every character outside ASCII escaped: Node reads an ASCII file into a string about
 * twice as fast as one with a few multi-byte characters (3 ms for the ml knowledge on two cores).
 */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Build step: collect artifacts with `add`, then write them, one file per group. */
export function artifactStore() {
  const readAt = Date.now();
  const groups = new Map<string, Group>();
  const whole = new Map<string, unknown>();
  return {
    /** An artifact of the whole content, read back with `fromBuildFor`. */
    addWhole(name: string, value: unknown): void {
      whole.set(name, value);
    },
    add(source: string, kind: ArtifactKind, text: string, value: unknown): void {
      const group = groupOf(source);
      if (!groups.has(group)) groups.set(group, {});
      groups.get(group)![keyOf(source, kind)] = { hash: hashText(text), value };
    },
    /** Writes every group and the fingerprint record; returns how many files it wrote. */
    write(): number {
      const sizes: Record<string, number> = {};
      for (const top of SHIPPED_DIRS) {
        for (const f of filesUnder(join(PACKAGE_ROOT, top))) sizes[`${top}/${f}`] = statSync(join(PACKAGE_ROOT, top, f)).size;
      }
      const record: BuildRecord = { fingerprint: hashShippedContent(), version: scaffoldVersion(), readAt };
      writeFileSync(join(PACKAGE_ROOT, COMPILED_DIR, SIZES_FILE), `${JSON.stringify(sizes)}\n`);
      writeFileSync(join(PACKAGE_ROOT, COMPILED_DIR, FINGERPRINT_FILE), `${JSON.stringify(record)}\n`);
      for (const [name, value] of whole) {
        writeFileSync(join(PACKAGE_ROOT, COMPILED_DIR, `${name}.json`), `${JSON.stringify({ fingerprint: record.fingerprint, value })}\n`);
      }
      const isBody = (key: string) => key.startsWith(keyOf('', 'body'));
      let files = groups.size;
      for (const [group, all] of groups) {
        mkdirSync(dirname(groupFile(group)), { recursive: true });
        const lines = Object.keys(all).filter(isBody).map((key) => [key, asciiJson(all[key])] as const);
        const artifacts = Object.fromEntries(Object.entries(all).filter(([key]) => !isBody(key)));
        // asciiJson's text is ASCII: a line's length is its length in bytes.
        const bodies = lines.map(([key, line]): [string, number] => [key, line.length]);
        writeFileSync(groupFile(group), `${asciiJson({ artifacts, bodies } satisfies GroupFile)}\n`);
        if (bodies.length === 0) continue;
        writeFileSync(bodiesFile(group), `${lines.map(([, line]) => line).join('\n')}\n`);
        files++;
      }
      return files;
    },
  };
}
