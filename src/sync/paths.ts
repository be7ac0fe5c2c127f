/** Every path Scaffold writes stays inside the project: no `..`, no absolute paths, no symlink escapes. */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

export function confine(projectDir: string, path: string): string {
  const bad = isAbsolute(path) || path.split(/[\\/]/).some((s) => s === '..' || s === '') || path.includes('\0');
  if (bad) throw new UserError(`refusing to write ${JSON.stringify(path)}: generated paths must stay inside the project`);
  const root = realpathSync(projectDir);
  const target = join(projectDir, path);
  // The nearest existing ancestor decides where a new file really lands.
  let existing = dirname(target);
  while (!existsSync(existing)) existing = dirname(existing);
  const realParent = realpathSync(existing);
  if (isLink(target)) checkInside(root, realpathOrSelf(target), path);
  checkInside(root, realParent, path);
  return target;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
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
