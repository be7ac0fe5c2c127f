/** Every path Scaffold writes stays inside the project: no `..`, no absolute paths, no symlink escapes. */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/** What a staged file's name ends with: a run that died leaves such files, which the next removes. */
export const TEMP_SUFFIX = '.scaffold-tmp';
/** The temp file a write is staged in (apply.ts): hidden, beside its target, so the rename stays on one disk. */
export const tempOf = (path: string) => join(dirname(path), `.${basename(path)}${TEMP_SUFFIX}`);

/**
 * A checker for one run: `confine(path)` returns where `path` lands inside the project, or
 * refuses it. Folders are looked at once each (whether they are there, where they really are),
 * since a run writes many files into few folders.
 */
export function pathGuard(projectDir: string): (path: string) => string {
  const folders = new Map<string, { there: boolean; real: string }>();
  const folder = (dir: string): { there: boolean; real: string } => {
    let found = folders.get(dir);
    if (found === undefined) {
      const there = existsSync(dir);
      // The nearest existing ancestor decides where a new file really lands.
      found = { there, real: there || dirname(dir) === dir ? realpathSync(dir) : join(folder(dirname(dir)).real, basename(dir)) };
      folders.set(dir, found);
    }
    return found;
  };
  // The project folder itself may not exist yet (`scaffold init demo`).
  const root = folder(projectDir).real;
  return (path) => {
    const bad = isAbsolute(path) || path.split(/[\\/]/).some((s) => s === '..' || s === '') || path.includes('\0');
    if (bad) throw new UserError(`refusing to write ${JSON.stringify(path)}: generated paths must stay inside the project`);
    const target = join(projectDir, path);
    const parent = folder(dirname(target));
    // No link can stand in a folder that is not there (a new project's files): nothing to look at.
    if (parent.there && isLink(target)) checkInside(root, realpathOrSelf(target), path);
    checkInside(root, parent.real, path);
    return target;
  };
}

function isLink(path: string): boolean {
  // No exception for the common case, a file not made yet: a thrown error costs far more than a stat.
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A dangling link: judge it by where it points.
    return resolve(dirname(path), readlinkSync(path));
  }
}

function checkInside(root: string, real: string, path: string): void {
  const rel = relative(root, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UserError(`refusing to write ${path}: it leads outside the project through a symbolic link (${real})`);
  }
}
