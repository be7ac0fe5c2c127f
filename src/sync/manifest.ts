/**
 * .scaffold/manifest.json records what Scaffold wrote, so a later run can tell the person's
 * edits from its own; .scaffold/base.json (bases.ts) keeps each managed file as last written,
 * to merge them, even on a fresh CI clone. Both are committed with the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { UserError } from '../errors.js';
import { once } from '../once.js';
import { MANIFEST_FILE } from '../project-files.js';



/** Built on first use: a new project has no manifest to check. */
const schemas = once(() => {
  const record = z.object({
    policy: z.enum(['managed', 'seed', 'merge-json']),
    source: z.string(),
    /** sha256 of Scaffold's render (canonical: LF, no BOM), the base of the next merge. */
    sha256: z.string(),
    /** sha256 of the bytes on disk right after Scaffold last wrote the file (for the fast path). */
    written: z.string().optional(),
    /** The person deleted this file; it stays deleted until `update --restore`. */
    deleted: z.boolean().optional(),
    /**
     * No longer selected, but kept because it is the person's (edited, or a seed file). The record
     * stays so that selecting it again merges with the person's version instead of skipping it.
     */
    retired: z.boolean().optional(),
  });

  const manifestSchema = z.object({
    version: z.literal(1),
    scaffoldVersion: z.string(),
    /** The project type the files were generated for (reported by the fast path of update). */
    projectType: z.string().optional(),
    /** sha256 of everything the render depends on (see inputs.ts), for the no-change fast path. */
    inputsHash: z.string().optional(),
    /** The folders of the config's packs, relative to the project: their files are inputs too. */
    packs: z.array(z.string()).optional(),
    files: z.record(z.string(), record),
  });

  return { record, manifest: manifestSchema };
});

export type FileRecord = z.infer<ReturnType<typeof schemas>['record']>;
export type Manifest = z.infer<ReturnType<typeof schemas>['manifest']>;

export function emptyManifest(version: string): Manifest {
  return { version: 1, scaffoldVersion: version, files: {} };
}

export function readManifest(projectDir: string, version: string): Manifest {
  const path = join(projectDir, MANIFEST_FILE);
  if (!existsSync(path)) return emptyManifest(version);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError(
      `${MANIFEST_FILE} is not valid JSON (${(error as Error).message}); restore it from git (git checkout -- ${MANIFEST_FILE})`,
    );
  }
  const result = schemas().manifest.safeParse(data);
  if (!result.success) {
    throw new UserError(`${MANIFEST_FILE} is damaged (${result.error.issues[0]?.message}); restore it from git`);
  }
  return result.data;
}

/** Stable text: sorted paths, so the committed file diffs cleanly. */
export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

