/**
 * What Scaffold keeps in a project's .scaffold/ folder. Every file is committed with the project
 * except the lock.
 */
export const SCAFFOLD_DIR = '.scaffold';
/** The answers (the person's file; init writes it, update reads it). */
export const CONFIG_FILE = '.scaffold/config.yml';
/** The JSON Schema of config.yml, for editors. */
export const SCHEMA_FILE = '.scaffold/config.schema.json';
/** What Scaffold wrote, with hashes (src/sync/records.ts). */
export const MANIFEST_FILE = '.scaffold/manifest.json';
/** The manifest's format: 2 since its hashes are XXH64 (src/content-hash.ts); 1 held SHA-256. */
export const MANIFEST_VERSION = 2;
/** Scaffold's last version of each file it keeps current, for merging (src/sync/records.ts). */
export const BASE_FILE = '.scaffold/base.json';
/** The next bases, written before the manifest is committed and renamed to base.json after it. */
export const NEXT_BASE_FILE = `${BASE_FILE}.next`;
/** Where earlier builds kept one file per base (still read; see records.ts). */
export const LEGACY_BASE_DIR = '.scaffold/base';
/** Held while a run writes (src/sync/lock.ts). */
export const LOCK_FILE = '.scaffold/lock';
/** The project's own content, in the formats of Scaffold's (src/catalog/). */
export const LOCAL = { overlays: '.scaffold/overlays', knowledge: '.scaffold/knowledge', suites: '.scaffold/suites' } as const;
