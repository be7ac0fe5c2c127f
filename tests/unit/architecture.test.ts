/**
 * The house rules of src/README.md: a file imports from its own stage or one below, never
 * above; no files import each other in a circle; the pure stages never touch the disk.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/catalog/files.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The stages from the bottom up; a path matches the first entry it starts with. */
const STAGES: string[][] = [
  ['errors.ts', 'once.ts', 'package-root.ts', 'project-files.ts', 'compile-cache.ts', 'read-bytes.ts', 'content-hash.ts', 'xxhash-wasm.ts', 'output.ts', 'schema-library.ts', 'vendor/'],
  ['template/'],
  ['source/'],
  ['catalog/'],
  ['config/'],
  ['answers/'],
  ['overlays/'],
  ['render/'],
  ['sync/'],
  ['pipeline.ts'],
  ['commands/'],
  ['explore/'],
  ['program.ts', 'fast-path.ts'],
  ['cli.ts', 'build/'],
];
const PURE = ['template/', 'overlays/', 'render/'];

function stageOf(file: string): number {
  const index = STAGES.findIndex((prefixes) => prefixes.some((p) => file === p || file.startsWith(p)));
  if (index < 0) throw new Error(`${file} belongs to no stage: add it to src/README.md and to STAGES here`);
  return index;
}

/** Every file's relative imports (static and dynamic), as paths relative to src/. */
function importsOf(text: string, file: string): string[] {
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return found.map((spec) => relative(SRC, join(SRC, dirname(file), spec)).replace(/\.js$/, '.ts'));
}

const files = filesUnder(SRC).filter((f) => f.endsWith('.ts'));
const graph = new Map(files.map((f) => [f, importsOf(readFileSync(join(SRC, f), 'utf8'), f)]));

describe('the import structure of src/', () => {
  it('puts every file in a stage', () => {
    for (const file of files) expect(() => stageOf(file)).not.toThrow();
  });

  it('never imports from a stage above', () => {
    const climbs: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) if (stageOf(target) > stageOf(file)) climbs.push(`${file} -> ${target}`);
    }
    expect(climbs).toEqual([]);
  });

  it('has no circle of files', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('keeps the pure stages off the disk and out of the process', () => {
    const impure = files.filter((f) => PURE.some((p) => f.startsWith(p)) && /from 'node:(fs|child_process|net|http)/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(impure).toEqual([]);
  });

  it('catches a climb and a circle when there is one', () => {
    // The checks themselves can fail: an import from render/ into sync/ is seen as a climb.
    const climb = importsOf("import { x } from '../sync/sync.js';", 'render/plan.ts');
    expect(climb).toEqual(['sync/sync.ts']);
    expect(stageOf(climb[0]!)).toBeGreaterThan(stageOf('render/plan.ts'));
  });
});

describe('the bundle', () => {
  // The program is one file (src/build/bundle.mjs); what only some commands run is behind an
  // import() of a module of src/, and is evaluated only when a command needs it.
  it('defers the commands and explore, nothing else', () => {
    const lazy = new Set([...graph].flatMap(([file]) => [...readFileSync(join(SRC, file), 'utf8').matchAll(/(?<!typeof )import\s*\(\s*'(\.{1,2}\/[^']+)'/g)].map((m) => relative(SRC, join(SRC, dirname(file), m[1]!)))));
    expect([...lazy].sort()).toEqual(['commands/index.js', 'explore/command.js']);
  });

  // Every command would load them with the bundle: node:http and node:child_process cost about
  // 6 ms each on two cores. The code that uses them loads them when it runs.
  it('loads the heavy Node modules only where they are used', () => {
    const eager = files.filter((f) => /^import (?!type)[^;]*from 'node:(http|https|net|child_process)'/m.test(readFileSync(join(SRC, f), 'utf8')));
    expect(eager).toEqual([]);
  });
});

/** The packages and files a file loads when it loads: value imports, not types or import(). */
function loadedBy(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const [, what, spec] of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      if (what) continue;
      if (spec!.startsWith('.')) visit(relative(SRC, join(SRC, dirname(file), spec!)).replace(/\.js$/, '.ts'));
      else if (!spec!.startsWith('node:')) packages.add(spec!);
    }
  };
  visit(start);
  return { files, packages };
}

describe("update's fast path", () => {
  // `update` on an up-to-date project answers from the manifest; the schema and YAML libraries
  // and the sync engine load only on the slow path, through import(). A static import of one of
  // them from update.ts's graph would cost every `update --check` their start-up.
  it('loads no schema or YAML library and not the sync engine', () => {
    const { files: loaded, packages } = loadedBy('commands/update.ts');
    expect([...packages]).toEqual([]);
    expect([...loaded].filter((f) => /^sync\/(decide|apply|merge3|diff)\.ts$/.test(f))).toEqual([]);
  });

  it('would see such an import', () => {
    expect(loadedBy('sync/decide.ts').packages).toContain('zod/mini');
  });
});
