/**
 * The library starter suites pass as generated: `scaffold init` a library project for a matrix of
 * answers, then run its own vitest in the generated folder and read the summary. The matrix uses
 * every value of every library answer at least once under deep (type definitions on in two, off
 * in two), and two mvp projects (one with type definitions, one without). Each run takes a few
 * seconds; those with type definitions also run tsc for the type-level tests. Every generated
 * suite builds the package (tests/build.test.ts); two cases also pack it from a clean folder, as
 * `npm publish` would, and check what git would stage. The generated projects reuse this
 * repository's node_modules (vitest 4, typescript, tsdown, @types/node), so the test is offline
 * and needs no npm install.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { packageTargets, packedFiles, untrackedPaths } from '../helpers/ship-checks.js';
import { linkNodeModules, runVitest } from '../helpers/suite-runners.js';

interface Case {
  label: string;
  flags: Record<string, unknown>;
  /** Passing tests the generated project must reach: the bars. */
  atLeast: number;
  /** Suite folders that must (true) or must not (false) be generated. */
  folders: Record<string, boolean>;
  /** Also pack it from a clean folder (prepack builds) and check what git would stage. */
  ships?: boolean;
}

const CASES: Case[] = [
  {
    label: 'deep: public, node, esm, with types, readme',
    flags: { libVisibility: 'public', libRuntimeTarget: 'node', libBundleFormat: 'esm', libTypeDefinitions: true, libDocLevel: 'readme' },
    atLeast: 15,
    folders: { 'tests/property': true, 'tests/package': true, 'tests/types': true },
  },
  {
    label: 'deep: internal, browser, cjs, no types, no docs',
    flags: { libVisibility: 'internal', libRuntimeTarget: 'browser', libBundleFormat: 'cjs', libTypeDefinitions: false, libDocLevel: 'none' },
    atLeast: 15,
    folders: { 'tests/property': true, 'tests/package': true, 'tests/types': false },
  },
  {
    label: 'deep: public, isomorphic, dual, with types, api-docs',
    flags: { libVisibility: 'public', libRuntimeTarget: 'isomorphic', libBundleFormat: 'dual', libTypeDefinitions: true, libDocLevel: 'api-docs' },
    atLeast: 15,
    folders: { 'tests/property': true, 'tests/package': true, 'tests/types': true, 'src/node.ts': true, 'tsdown.config.ts': true },
    ships: true,
  },
  {
    label: 'deep: internal, edge, unbundled, no types, full-site',
    flags: { libVisibility: 'internal', libRuntimeTarget: 'edge', libBundleFormat: 'unbundled', libTypeDefinitions: false, libDocLevel: 'full-site' },
    atLeast: 15,
    folders: { 'tests/property': true, 'tests/package': true, 'tests/types': false, 'tsconfig.build.json': true, 'tsdown.config.ts': false },
    ships: true,
  },
  {
    label: 'mvp: public, isomorphic, unbundled, with types',
    flags: { methodology: 'mvp', libVisibility: 'public', libRuntimeTarget: 'isomorphic', libBundleFormat: 'unbundled', libTypeDefinitions: true },
    atLeast: 6,
    folders: { 'tests/property': false, 'tests/package': false, 'tests/types': true, 'tsconfig.build.json': true },
  },
  {
    label: 'mvp: internal, node, dual, with types',
    flags: { methodology: 'mvp', libVisibility: 'internal', libRuntimeTarget: 'node', libBundleFormat: 'dual', libTypeDefinitions: true },
    atLeast: 6,
    folders: { 'tests/property': false, 'tests/package': false, 'tests/types': true },
  },
];

describe('generated library suites', () => {
  it.each(CASES)('$label: the generated suite passes', async ({ flags, atLeast, folders, ships }) => {
    const dir = await generateProject({ type: 'library', ...flags });
    for (const [path, present] of Object.entries(folders)) expect(existsSync(join(dir, path)), path).toBe(present);
    expect(existsSync(join(dir, 'package.json'))).toBe(true);

    linkNodeModules(dir);
    const { code, output, passed, failed } = runVitest(dir);
    expect(failed, output).toBe(0);
    expect(code, output).toBe(0);
    expect(passed, output).toBeGreaterThanOrEqual(atLeast);
    if (ships) expectShippable(dir);
  }, 200_000);
});

/** What a person checks before publishing: npm pack builds and includes every target; git stages no build output. */
function expectShippable(dir: string): void {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const packed = packedFiles(dir);
  const targets = packageTargets(dir);
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((file) => !packed.includes(file)), packed.join('\n')).toEqual([]);
  expect(packed).toContain('package.json');
  expect(packed.filter((file) => !file.startsWith('dist/') && file !== 'package.json' && !/^readme/i.test(file))).toEqual([]);

  const staged = untrackedPaths(dir);
  expect(staged).toContain('package.json');
  expect(staged.filter((path) => /^(node_modules|dist)(\/|$)/.test(path))).toEqual([]);
}
