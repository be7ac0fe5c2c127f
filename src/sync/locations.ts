/** Where Scaffold keeps its own records inside a project (all committed, except the lock). */
export const MANIFEST_FILE = '.scaffold/manifest.json';
export const BASE_FILE = '.scaffold/base.json';
/** Where earlier builds kept one file per base (still read; see bases.ts). */
export const LEGACY_BASE_DIR = '.scaffold/base';
export const LOCK_FILE = '.scaffold/lock';
