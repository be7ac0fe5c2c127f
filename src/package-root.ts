/** Where the installed package lives (content/ and templates/ ship beside dist/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This file sits one level below the root both as src/package-root.ts and in dist/.
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** True for the built CLI (dist/), false when running from src/ (Scaffold's own tests). */
export const RUNNING_FROM_BUILD = fileURLToPath(import.meta.url).startsWith(`${PACKAGE_ROOT}dist`);

let version: string | undefined;
export function scaffoldVersion(): string {
  version ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
  return version;
}
