/**
 * A YAML file's data as this build parsed the same text before. Loading the YAML library and
 * parsing config.yml take ~8 ms of an update on two cores, and most runs read a config.yml that
 * an earlier run read. The data is kept as JSON in the code cache's folder (compile-cache.ts:
 * this user's alone, off with NODE_DISABLE_COMPILE_CACHE), one small file per text, named by a
 * hash of the text and of the build's copy of the library, so a new build never meets an old
 * parse. Only a parse that succeeded is kept, and only data JSON holds exactly (not `.inf`, `-0`
 * or a `__proto__` key). Line numbers, which only a message needs, come from a real parse then
 * (builtSource). Runs from the sources (Scaffold's tests) keep nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolder, writeWhole } from '../compile-cache.js';
import { createHasher } from '../content-hash.js';
import { vendoredFile } from '../vendor/load.js';
import { builtSource, parseYamlSource, type Source } from './source.js';

export function parseYamlSourceKept(text: string, file: string): Source {
  const path = keptPath(text);
  const kept = path === undefined ? undefined : readKept(path);
  if (kept !== undefined) return builtSource(() => text, file, kept);
  const source = parseYamlSource(text, file);
  if (path !== undefined && exactInJson(source.data)) {
    try {
      writeWhole(path, JSON.stringify({ data: source.data }));
    } catch {
      // Only an optimisation: the next run parses as this one did.
    }
  }
  return source;
}

function keptPath(text: string): string | undefined {
  const library = vendoredFile('yaml');
  const dir = library && cacheFolder();
  if (!library || !dir) return undefined;
  try {
    const { size, mtimeMs } = statSync(library);
    const hash = createHasher().update(`${library}\0${size}\0${mtimeMs}\0`).update(text).digest();
    return join(dir, `parsed-${hash}.json`);
  } catch {
    return undefined;
  }
}

function readKept(path: string): unknown {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { data: unknown }).data;
  } catch {
    return undefined;
  }
}

/** Whether JSON.parse(JSON.stringify(value)) gives back exactly `value`. */
function exactInJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(exactInJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, v]) => key !== '__proto__' && exactInJson(v));
}
