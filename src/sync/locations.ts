/** Where Scaffold keeps its own records inside a project (all committed, except the lock). */
export const MANIFEST_FILE = '.scaffold/manifest.json';
export const BASE_DIR = '.scaffold/base';
export const LOCK_FILE = '.scaffold/lock';
