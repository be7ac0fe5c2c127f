/**
 * The library starter suites pass as generated: `scaffold init` a library project for a matrix of
 * answers, then run its own vitest in the generated folder and read the summary. The matrix uses
 * every value of every library answer at least once under deep (type definitions on in two, off
 * in two), and two mvp projects (one with type definitions, one without). Each run takes a few
 * seconds; those with type definitions also run tsc for the type-level tests. The generated projects reuse this repository's node_modules
 * (vitest 4, typescript, @types/node), so the test is offline and needs no npm install.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { linkNodeModules, runVitest } from '../helpers/suite-runners.js';


interface Case {
  label: string;
  flags: Record<string, unknown>;
  /** Passing tests the generated project must reach: the bars. */
  atLeast: number;
  /** Suite folders that must (true) or must not (false) be generated. */
  folders: Record<string, boolean>;
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
    folders: { 'tests/property': true, 'tests/package': true, 'tests/types': true, 'src/node.ts': true },
  },
  {
    label: 'deep: internal, edge, unbundled, no types, full-site',
    flags: { libVisibility: 'internal', libRuntimeTarget: 'edge', libBundleFormat: 'unbundled', libTypeDefinitions: false, libDocLevel: 'full-site' },
    atLeast: 15,
    folders: { 'tests/property': true, 'tests/package': true, 'tests/types': false, 'tsconfig.build.json': true },
  },
  {
    label: 'mvp: public, isomorphic, esm, no types',
    flags: { methodology: 'mvp', libVisibility: 'public', libRuntimeTarget: 'isomorphic', libBundleFormat: 'esm', libTypeDefinitions: false },
    atLeast: 6,
    folders: { 'tests/property': false, 'tests/package': false, 'tests/types': false },
  },
  {
    label: 'mvp: internal, node, dual, with types',
    flags: { methodology: 'mvp', libVisibility: 'internal', libRuntimeTarget: 'node', libBundleFormat: 'dual', libTypeDefinitions: true },
    atLeast: 6,
    folders: { 'tests/property': false, 'tests/package': false, 'tests/types': true },
  },
];

describe('generated library suites', () => {
  it.each(CASES)('$label: the generated suite passes', async ({ flags, atLeast, folders }) => {
    const dir = await generateProject({ type: 'library', ...flags });
    for (const [path, present] of Object.entries(folders)) expect(existsSync(join(dir, path)), path).toBe(present);
    expect(existsSync(join(dir, 'package.json'))).toBe(true);

    linkNodeModules(dir);
    const { code, output, passed, failed } = runVitest(dir);
    expect(failed, output).toBe(0);
    expect(code, output).toBe(0);
    expect(passed, output).toBeGreaterThanOrEqual(atLeast);
  }, 200_000);
});
