/**
 * What the build derives from the files Scaffold ships (content/, templates/): precompiled
 * Handlebars templates and parsed YAML and frontmatter, stored under dist/compiled/ with a hash
 * of the text each was derived from. A run uses an artifact only while its file still has that
 * text; otherwise (working on Scaffold itself) the caller derives it on the spot, the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const COMPILED_DIR = 'dist/compiled';
const require = createRequire(import.meta.url);

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** `source` is a path relative to the package (plus `#path` for a suite file's path template). */
function artifact(source: string, kind: 'template' | 'data'): string {
  return join(PACKAGE_ROOT, COMPILED_DIR, `${source}.${kind === 'template' ? 'cjs' : 'json'}`);
}

/** Parsed data the build stored for `source`, if `text` is what it was built from. */
export function builtData<T>(source: string, text: string): T | undefined {
  const file = artifact(source, 'data');
  if (!existsSync(file)) return undefined;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { hash: string; data: T };
  return stored.hash === textHash(text) ? stored.data : undefined;
}

/** A precompiled template spec the build stored for `source`, if `text` is what it was built from. */
export function builtTemplate<Spec>(source: string, text: string): Spec | undefined {
  const file = artifact(source, 'template');
  if (!existsSync(file)) return undefined;
  const stored = require(file) as { hash: string; spec: Spec };
  return stored.hash === textHash(text) ? stored.spec : undefined;
}

/** Build step: store an artifact. `value` is JSON data, or a template spec as JavaScript source. */
export function storeArtifact(source: string, kind: 'template' | 'data', text: string, value: unknown): void {
  const file = artifact(source, kind);
  mkdirSync(dirname(file), { recursive: true });
  const hash = JSON.stringify(textHash(text));
  writeFileSync(file, kind === 'template' ? `module.exports = { hash: ${hash}, spec: ${value as string} };\n` : `{"hash":${hash},"data":${JSON.stringify(value)}}\n`);
}
