/** Every path Scaffold writes stays inside the project: no `..`, no absolute paths, no symlink escapes. */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/**
 * A checker for one run: `confine(path)` returns where `path` lands inside the project, or
 * refuses it. Real paths are cached per folder, since a run writes many files into few folders.
 */
export function pathGuard(projectDir: string): (path: string) => string {
  const realDirs = new Map<string, string>();
  const realDir = (dir: string): string => {
    let real = realDirs.get(dir);
    if (real === undefined) {
      // The nearest existing ancestor decides where a new file really lands.
      real = existsSync(dir) || dirname(dir) === dir ? realpathSync(dir) : join(realDir(dirname(dir)), basename(dir));
      realDirs.set(dir, real);
    }
    return real;
  };
  // The project folder itself may not exist yet (`scaffold init demo`).
  const root = realDir(projectDir);
  return (path) => {
    const bad = isAbsolute(path) || path.split(/[\\/]/).some((s) => s === '..' || s === '') || path.includes('\0');
    if (bad) throw new UserError(`refusing to write ${JSON.stringify(path)}: generated paths must stay inside the project`);
    const target = join(projectDir, path);
    if (isLink(target)) checkInside(root, realpathOrSelf(target), path);
    checkInside(root, realDir(dirname(target)), path);
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
