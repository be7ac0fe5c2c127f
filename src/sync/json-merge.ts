/**
 * Key-by-key merge of a JSON file Scaffold shares with the person (package.json). Scaffold adds
 * the keys it needs and updates values it set itself earlier; it never changes a value the person
 * set and never re-adds a key the person removed. Objects merge recursively; arrays and scalars
 * are values.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonMergeResult {
  merged: JsonObject;
  added: string[];
  updated: string[];
  /** Keys where the person's value differs from what Scaffold wants; the person's value is kept. */
  clashes: string[];
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What `npm init -y` writes as defaults rather than choices. A package.json still carrying npm's
 * failing test script was never set up by a person, so these values may be replaced as if the
 * keys were missing; in any other package.json they are the person's and are kept.
 */
const NPM_INIT_TEST = 'echo "Error: no test specified" && exit 1';
const NPM_INIT_DEFAULTS: Record<string, Json> = { 'scripts.test': NPM_INIT_TEST, main: 'index.js', type: 'commonjs', version: '1.0.0' };

export function mergeJson(base: JsonObject | undefined, yours: JsonObject, scaffold: JsonObject): JsonMergeResult {
  const result: JsonMergeResult = { merged: structuredClone(yours), added: [], updated: [], clashes: [] };
  const fresh = isObject(yours.scripts) && yours.scripts.test === NPM_INIT_TEST;
  walk(base, result.merged, scaffold, '', result, fresh ? NPM_INIT_DEFAULTS : {});
  return result;
}

function walk(
  base: JsonObject | undefined,
  target: JsonObject,
  wanted: JsonObject,
  prefix: string,
  result: JsonMergeResult,
  defaults: Record<string, Json>,
): void {
  for (const [key, value] of Object.entries(wanted)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const had = base?.[key];
    const current = target[key];
    if (current === undefined) {
      // Scaffold wrote it before and it is gone: the person removed it on purpose.
      if (had === undefined) {
        target[key] = value;
        result.added.push(path);
      }
    } else if (isObject(current) && isObject(value)) {
      walk(isObject(had) ? had : undefined, current, value, path, result, defaults);
    } else if (!same(current, value)) {
      if ((had !== undefined && same(current, had)) || (path in defaults && same(current, defaults[path]))) {
        target[key] = value;
        result.updated.push(path);
      } else result.clashes.push(path);
    }
  }
}

/** Serialize like the file it came from: same indentation, trailing newline. */
export function stringifyLike(value: JsonObject, original: string): string {
  const indent = /^[ \t]+(?=")/m.exec(original)?.[0] ?? '  ';
  return `${JSON.stringify(value, null, indent)}\n`;
}
