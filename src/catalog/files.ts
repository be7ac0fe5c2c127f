/** Listing the files of a folder, for content and for the inputs a render reads. */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      // Only a link needs a stat to tell what it leads to; a folder it leads to may lead back up.
      const stat = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : entry;
      if (!stat) continue; // a dangling link: nothing to read there
      if (stat.isDirectory()) {
        const real = realpathSync(full);
        if (seen.has(real)) continue;
        walk(full, `${prefix}${entry.name}/`, new Set([...seen, real]));
      } else if (stat.isFile()) found.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, '', new Set([realpathSync(dir)]));
  return found.sort();
}
