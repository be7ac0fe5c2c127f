/**
 * Everything a render depends on, hashed: config.yml, the local overlays, and the content and
 * templates of the installed Scaffold. When this hash and every generated file match the
 * manifest, the project is up to date without rendering anything (the fast path of `update`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, scaffoldVersion } from '../package-root.js';

let contentHash: string | undefined;

/**
 * This Scaffold's version and the bytes of every file under content/ and templates/. Hashing
 * the bytes (a few ms) rather than modification times keeps the hash the same on every machine
 * that installs this version, so a fresh CI clone gets the fast path too.
 */
export function contentFingerprint(): string {
  if (contentHash) return contentHash;
  const hash = createHash('sha256').update(scaffoldVersion());
  for (const top of ['content', 'templates']) {
    for (const file of filesUnder(join(PACKAGE_ROOT, top))) hash.update(`${file}\0`).update(readFileSync(join(PACKAGE_ROOT, top, file)));
  }
  contentHash = hash.digest('hex');
  return contentHash;
}

/**
 * `configText`: config.yml as this run leaves it (init writes it); read from disk when omitted.
 * `content`: the content fingerprint when the caller knows it (`builtContentFingerprint` after
 * a render from the build); otherwise every shipped file is hashed.
 */
export function inputsHash(projectDir: string, configText?: string, content = contentFingerprint()): string {
  const hash = createHash('sha256').update(content);
  const config = join(projectDir, '.scaffold/config.yml');
  if (configText !== undefined) hash.update(configText);
  else if (existsSync(config)) hash.update(readFileSync(config, 'utf8'));
  const overlays = join(projectDir, '.scaffold/overlays');
  for (const file of filesUnder(overlays)) hash.update(file).update(readFileSync(join(overlays, file)));
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}
