/** Where the installed package lives (content/ and templates/ ship beside dist/). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// From src/ (tests) or from any file of the bundle in dist/: the nearest folder with package.json.
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return `${dir}/`;
}

export const PACKAGE_ROOT = findRoot();

/** True for the built CLI (dist/), false when running from src/ (Scaffold's own tests). */
export const RUNNING_FROM_BUILD = fileURLToPath(import.meta.url).startsWith(`${PACKAGE_ROOT}dist`);

let version: string | undefined;
export function scaffoldVersion(): string {
  version ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
  return version;
}
