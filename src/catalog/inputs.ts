/**
 * Everything a render reads, hashed: Scaffold's shipped content (its fingerprint), config.yml,
 * and the files of the project's own content and of its packs. When this hash and every
 * generated file match the manifest, the project is up to date without rendering anything (the
 * fast path of `update`). The files are listed the way the catalog reads them (catalog.ts),
 * symbolic links followed, so whatever a render can read is in the hash.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHasher } from '../content-hash.js';
import { shippedFingerprint } from './built.js';
import { CONFIG_FILE, LOCAL } from '../project-files.js';
import { filesUnder } from './files.js';
import { PACK_FOLDERS } from './packs.js';
import { workspaceAbove } from './workspace-root.js';

/**
 * The folders whose files are inputs, the project's own content and each pack's, each with a
 * label that is the same on every machine (the hash must not change with where a clone lives).
 */
export function inputFolders(projectDir: string, packRoots: string[]): { label: string; path: string }[] {
  return [
    ...Object.values(LOCAL).map((dir) => ({ label: dir, path: join(projectDir, dir) })),
    ...packRoots.flatMap((root, i) => PACK_FOLDERS.map((f) => ({ label: `pack ${i} ${f}`, path: join(root, f) }))),
  ];
}

/**
 * `configText`: config.yml as this run leaves it (init writes it); read from disk when omitted.
 * `packRoots`: the absolute folders of the packs config.yml lists.
 */
export function inputsHash(projectDir: string, packRoots: string[], configText?: string): string {
  const hash = createHasher().update(shippedFingerprint());
  const config = join(projectDir, CONFIG_FILE);
  hash.update('config\0').update(configText ?? (isFile(config) ? readFileSync(config) : ''));
  // Inside a workspace a unit renders no workflows: a workspace made (or removed) above it since
  // the last run changes the plan. Nothing is added outside one, so those hashes stay as they were.
  if (workspaceAbove(projectDir)) hash.update('\0in a workspace');
  for (const { label, path } of inputFolders(projectDir, packRoots)) {
    hash.update(`\0${label}\0`);
    if (!existsSync(path)) continue;
    if (!statSync(path).isDirectory()) {
      // A file where the folder belongs is an error for the catalog: never the fast path's "up to date".
      hash.update('not a folder');
      continue;
    }
    for (const file of filesUnder(path)) hash.update(`${file}\0`).update(readFileSync(join(path, file)));
  }
  return hash.digest();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
