/** Listing the files of a folder, for content and for the inputs a render reads. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir`, as sorted paths relative to it with `/` separators. Symbolic links are
 * followed (a linked file or folder counts as what it points at), so whatever a render reads
 * through a link is also listed, hashed and checked. Written by hand rather than with
 * `readdirSync({ recursive: true })`: its `Dirent.parentPath` needs Node 20.12.
 */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (folder: string, prefix: string, seen: Set<string>) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue; // a dangling link: nothing to read there
      if (stat.isDirectory()) {
        // A link back up the tree would loop forever: each real folder is walked once.
        const key = `${stat.dev}:${stat.ino}`;
        if (seen.has(key)) continue;
        walk(full, `${prefix}${name}/`, new Set([...seen, key]));
      } else if (stat.isFile()) found.push(`${prefix}${name}`);
    }
  };
  const root = statSync(dir);
  walk(dir, '', new Set([`${root.dev}:${root.ino}`]));
  return found.sort();
}
