/**
 * The base of each file Scaffold keeps current: its render as Scaffold last wrote it, so a later
 * run can merge the person's edits with a new render, even on a fresh CI clone. All bases live
 * in one committed file, .scaffold/base.json: one write per run instead of one per generated
 * file (issue 8). Each file is one line, sorted, with a blank line between files, so git diffs
 * and merges it file by file: two branches that changed the bases of different files merge
 * without a conflict (git only merges changes that have an unchanged line between them).
 *
 * Projects set up by earlier builds keep their bases as files under .scaffold/base/; they are
 * still read, and the first run that writes base.json removes the folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from '../once.js';
import { BASE_FILE, LEGACY_BASE_DIR } from '../project-files.js';

export type Bases = Map<string, string>;

export interface StoredBases {
  get(path: string): string | undefined;
  /** The old folder exists (and goes once base.json is written). */
  legacy: boolean;
}

/**
 * The bases on disk: base.json, else the old one-file-per-base folder. base.json is parsed on
 * the first `get`: most runs merge nothing and never need it.
 */
export function readBases(projectDir: string): StoredBases {
  const stored = once((): Record<string, string> => {
    const file = join(projectDir, BASE_FILE);
    if (!existsSync(file)) return {};
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      // A damaged base.json counts as missing bases: merges that need one become conflicts.
      return {};
    }
  });
  const legacyDir = join(projectDir, LEGACY_BASE_DIR);
  const legacy = existsSync(legacyDir);
  return {
    legacy,
    get(path) {
      if (Object.hasOwn(stored(), path)) return stored()[path];
      const old = join(legacyDir, path);
      return legacy && existsSync(old) ? readFileSync(old, 'utf8') : undefined;
    },
  };
}

/** base.json's text: sorted paths, one per line, a blank line between them. */
export function serializeBases(bases: Bases): string {
  const sorted = [...bases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // JSON escapes newlines inside strings, so every real newline here is between entries.
  return `${JSON.stringify(Object.fromEntries(sorted), null, 2).replaceAll(',\n  "', ',\n\n  "')}\n`;
}
