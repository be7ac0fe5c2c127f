/**
 * What the build derives from the files Scaffold ships (content/, templates/): parsed templates,
 * and YAML and frontmatter parsed and checked against their schemas, stored under dist/compiled/
 * with a hash of the text each was derived from. A run uses an artifact only while its file
 * still has that text; otherwise (working on Scaffold itself) the caller derives it on the spot,
 * the same way. So a run from the build parses and checks none of the shipped files it reads.
 *
 * Artifacts are grouped by the folder a run reads together, one JSON file each: a suite
 * (templates/ml-unit.json), a project type's knowledge (content/knowledge/ml.json), the
 * methodology (content/methodology.json). One read per folder instead of one per file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const COMPILED_DIR = 'dist/compiled';

/** `file`: a suite file copied as it is; only its hash is stored. */
type Kind = 'template' | 'data' | 'file';
type Group = Record<string, { hash: string; value: unknown }>;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** `source` is a path relative to the package, plus `#path` for a suite file's path template. */
function groupOf(source: string): string {
  const parts = source.split('/');
  return parts[0] === 'templates' ? parts.slice(0, 2).join('/') : parts.slice(0, -1).join('/');
}

const groupFile = (group: string) => join(PACKAGE_ROOT, COMPILED_DIR, `${group}.json`);
const FINGERPRINT_FILE = 'fingerprint.json';
const keyOf = (source: string, kind: Kind) => `${kind} ${source}`;
const loaded = new Map<string, Group>();
/** False once this run has read a shipped file that is not as the build saw it. */
let allAsBuilt = true;

function built<T>(source: string, kind: Kind, text: string): T | undefined {
  const group = groupOf(source);
  let artifacts = loaded.get(group);
  if (!artifacts) {
    const file = groupFile(group);
    artifacts = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Group) : {};
    loaded.set(group, artifacts);
  }
  const stored = artifacts[keyOf(source, kind)];
  if (stored && stored.hash === textHash(text)) return stored.value as T;
  allAsBuilt = false;
  return undefined;
}

/** Parsed data the build stored for `source`, if `text` is what it was built from. */
export function builtData<T>(source: string, text: string): T | undefined {
  return built<T>(source, 'data', text);
}

/** A parsed template the build stored for `source`, if `text` is what it was built from. */
export function builtTemplate<T>(source: string, text: string): T | undefined {
  return built<T>(source, 'template', text);
}

/** Note a shipped file read and used as it is (a suite file copied without rendering). */
export function readShipped(source: string, text: string): void {
  built(source, 'file', text);
}

/**
 * The fingerprint of content/ and templates/ the build computed (src/sync/inputs.ts), if every
 * shipped file this run has read so far is as the build saw it: then the render is the one the
 * build's content makes, and hashing every shipped file again (10 ms) would change nothing.
 */
export function builtContentFingerprint(): string | undefined {
  const file = join(PACKAGE_ROOT, COMPILED_DIR, FINGERPRINT_FILE);
  if (!allAsBuilt || !existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { fingerprint: string }).fingerprint;
}

/** Build step: collect artifacts with `add`, then write them, one file per group. */
export function artifactStore() {
  const groups = new Map<string, Group>();
  return {
    add(source: string, kind: Kind, text: string, value: unknown): void {
      const group = groupOf(source);
      if (!groups.has(group)) groups.set(group, {});
      groups.get(group)![keyOf(source, kind)] = { hash: textHash(text), value };
    },
    write(contentFingerprint: string): number {
      writeFileSync(join(PACKAGE_ROOT, COMPILED_DIR, FINGERPRINT_FILE), `${JSON.stringify({ fingerprint: contentFingerprint })}\n`);
      for (const [group, artifacts] of groups) {
        mkdirSync(dirname(groupFile(group)), { recursive: true });
        writeFileSync(groupFile(group), `${JSON.stringify(artifacts)}\n`);
      }
      return groups.size;
    },
  };
}
