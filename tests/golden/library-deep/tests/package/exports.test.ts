/**
 * Pattern: package.json checks for a dual package (ES modules and CommonJS). Each entry has an
 * "import" branch for .js files and a "require" branch for .cjs files, because under
 * "type": "module" Node reads every .js file as an ES module.
 * Resolvers take the first condition that matches, so "types" comes first and "default"
 * comes last; every published file sits inside "files"; every entry point maps to a source file;
 * "sideEffects": false lets bundlers drop what users do not import. The checks are rules over the
 * whole map, so adding a subpath export keeps them passing as long as it follows the same shape.
 * Replace: nothing for new subpaths; change the expected format checks if you change how you ship.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Target = string | { [condition: string]: Target };

interface PackageJson {
  type?: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: Record<string, Target>;
  files?: string[];
  sideEffects?: unknown;
  publishConfig?: { access?: string };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const entries = Object.entries(pkg.exports ?? {}).filter(([subpath]) => subpath !== './package.json');

/** Every file an entry can resolve to, with the conditions that lead to it. */
function leaves(target: Target, conditions: string[] = []): Array<{ conditions: string[]; file: string }> {
  if (typeof target === 'string') return [{ conditions, file: target }];
  return Object.entries(target).flatMap(([condition, inner]) => leaves(inner, [...conditions, condition]));
}

/** Every object of conditions inside an entry, nested ones included. */
function conditionObjects(target: Target): Array<Record<string, Target>> {
  if (typeof target === 'string') return [];
  return [target, ...Object.values(target).flatMap(conditionObjects)];
}

const allLeaves = entries.flatMap(([subpath, target]) => leaves(target).map((leaf) => ({ subpath, ...leaf })));
const isDeclaration = (file: string) => /\.d\.[cm]?ts$/.test(file);

describe('package.json exports', () => {
  it('is a "type": "module" package whose exports map has a main entry', () => {
    expect(pkg.type).toBe('module');
    expect(entries.map(([subpath]) => subpath)).toContain('.');
  });

  it('exports ./package.json for tools that read it, and no wildcard subpaths that would publish internals', () => {
    expect(pkg.exports?.['./package.json']).toBe('./package.json');
    expect(entries.filter(([subpath]) => subpath.includes('*'))).toEqual([]);
  });

  it('gives every entry an "import" branch of .js files and a "require" branch of .cjs files', () => {
    for (const [subpath, target] of entries) {
      expect(typeof target === 'object' && Object.keys(target), subpath).toEqual(['import', 'require']);
    }
    for (const { subpath, conditions, file } of allLeaves) {
      const runtime = isDeclaration(file) ? file.replace(/\.d\.(c?)ts$/, '.$1js') : file;
      expect(runtime, `${subpath} ${conditions.join('.')}`).toMatch(conditions[0] === 'import' ? /\.js$/ : /\.cjs$/);
    }
  });

  it('puts "types" first and "default" last wherever both appear', () => {
    const withTypes = entries.flatMap(([, target]) => conditionObjects(target)).filter((conditions) => 'types' in conditions);
    expect(withTypes.length).toBeGreaterThanOrEqual(entries.length);
    for (const conditions of withTypes) {
      const keys = Object.keys(conditions);
      expect(keys[0]).toBe('types');
      expect(keys.at(-1)).toBe('default');
    }
  });

  it('places each declaration beside the JavaScript it describes (.d.ts for .js, .d.cts for .cjs)', () => {
    const pairs = entries.flatMap(([, target]) => conditionObjects(target)).filter((conditions) => 'types' in conditions);
    for (const { types, default: runtime } of pairs) {
      expect(typeof runtime === 'string' && typeof types === 'string').toBe(true);
      expect(types).toBe(String(runtime).replace(/\.(c?)js$/, '.d.$1ts'));
    }
  });

  it('points "main", "module" and "types", for resolvers that ignore "exports", at the main entry\'s files', () => {
    const main = leaves(pkg.exports?.['.'] ?? '');
    /** The main entry's file under `conditions`: JavaScript, or its declaration. */
    const fileFor = (conditions: string[], declaration = false) =>
      main.find((leaf) => conditions.every((c) => leaf.conditions.includes(c)) && isDeclaration(leaf.file) === declaration)?.file;
    expect(pkg.main).toBe(fileFor(['require']));
    expect(pkg.module).toBe(fileFor(['import']));
    expect(pkg.types).toBe(fileFor(['require'], true));
  });

  it('publishes only dist/, and every exported file is inside it', () => {
    expect(pkg.files).toEqual(['dist']);
    const published = [...allLeaves.map(({ file }) => file), pkg.main, pkg.module, pkg.types].filter((file) => file !== undefined);
    expect(published.filter((file) => !file.startsWith('./dist/'))).toEqual([]);
  });

  it('builds every entry point from a source file in src/', () => {
    const missing = allLeaves
      .map(({ file }) => file.replace(/^\.\/dist\//, 'src/').replace(/(\.d)?\.c?js$|\.d\.c?ts$/, '.ts'))
      .filter((source) => !existsSync(join(ROOT, source)));
    expect(missing).toEqual([]);
  });

  it('declares "sideEffects": false so bundlers can drop unused exports', () => {
    expect(pkg.sideEffects).toBe(false);
  });

  it('publishes with public access, which scoped packages need on the public registry', () => {
    expect(pkg.publishConfig?.access).toBe('public');
  });
});
