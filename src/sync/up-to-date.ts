/**
 * The fast path of `update`: when the inputs are those of the last run and every generated file
 * is still exactly as Scaffold left it, nothing can have changed, so there is nothing to render.
 * Reads the manifest with plain JSON (no schema library): any doubt means "take the slow path".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputsHash } from '../catalog/inputs.js';
import { LOCK_FILE, MANIFEST_FILE, MANIFEST_VERSION, NEXT_BASE_FILE } from '../project-files.js';
import { hashBytes } from '../content-hash.js';

interface LooseRecord {
  policy?: string;
  source?: string;
  written?: string;
  deleted?: boolean;
  retired?: boolean;
}

export interface UpToDate {
  projectType: string;
  selection: Record<string, unknown>;
  files: { path: string; source: string; policy: string }[];
}

/** The day the whole project was detached (`scaffold detach`), if it was. */
export function detachedOn(projectDir: string): string | undefined {
  try {
    const on = (JSON.parse(readFileSync(join(projectDir, MANIFEST_FILE), 'utf8')) as { detachedOn?: unknown }).detachedOn;
    return typeof on === 'string' ? on : undefined;
  } catch {
    return undefined;
  }
}

/** The generated files when the project is up to date; undefined when unsure. */
export function upToDate(projectDir: string): UpToDate | undefined {
  const path = join(projectDir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  // A run that died after its commit left its lock or its pending bases: the slow path finishes it.
  if (existsSync(join(projectDir, LOCK_FILE)) || existsSync(join(projectDir, NEXT_BASE_FILE))) return undefined;
  let manifest: { version?: unknown; detachedOn?: string; projectType?: string; selection?: Record<string, unknown>; inputsHash?: string; packs?: string[]; files?: Record<string, LooseRecord> };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  // A detached project manages nothing: the command says so, not "unchanged". An older format's
  // hashes are not this one's: the slow path reads it (records.ts).
  if (manifest.version !== MANIFEST_VERSION || manifest.detachedOn || !manifest.projectType || typeof manifest.selection !== 'object' || typeof manifest.files !== 'object') return undefined;
  // The packs config.yml named last time: if config.yml changed since, so did the hash.
  const packRoots = (manifest.packs ?? []).map((p) => resolve(projectDir, p));
  if (manifest.inputsHash !== inputsHash(projectDir, packRoots)) return undefined;
  const records = Object.entries(manifest.files);
  for (const [file, record] of records) {
    const full = join(projectDir, file);
    if (record.deleted) {
      if (existsSync(full)) return undefined;
      continue;
    }
    // Seed and retired files are the person's: what they hold cannot make the project out of date.
    if (record.policy === 'seed' || record.retired) continue;
    if (!record.written || !existsSync(full)) return undefined;
    if (hashBytes(readFileSync(full)) !== record.written) return undefined;
  }
  const files = records.map(([file, r]) => ({ path: file, source: r.source ?? '', policy: r.policy ?? 'managed' }));
  return { projectType: manifest.projectType, selection: manifest.selection, files };
}
