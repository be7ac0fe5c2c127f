/** Where the installed package lives (content/ and templates/ ship beside dist/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This file sits one level below the root both as src/package-root.ts and dist/package-root.js.
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

let version: string | undefined;
export function scaffoldVersion(): string {
  version ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
  return version;
}
