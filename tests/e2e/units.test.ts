/**
 * A monorepo with several units (folders with their own .scaffold/): found from the root without
 * node_modules or ignored folders, updated and checked each on its own with --all, the exit code
 * the worst of theirs, and agent files nested per unit.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

function monorepo(): string {
  const root = tempDir('mono-');
  spawnSync('git', ['init', '-q'], { cwd: root });
  expect(cli(['init', 'services/model', '--yes', '--type', 'ml', '--ml-phase', 'both', '-q'], root).code).toBe(0);
  expect(cli(['init', 'packages/sdk', '--yes', '--type', 'library', '--lib-visibility', 'public', '-q'], root).code).toBe(0);
  // Not units: a copy inside node_modules, and one in a folder git ignores.
  cpSync(join(root, 'packages/sdk'), join(root, 'node_modules/sdk'), { recursive: true });
  cpSync(join(root, 'packages/sdk'), join(root, 'scratch/old-sdk'), { recursive: true });
  writeFile(root, '.gitignore', 'scratch/\n');
  return root;
}

const answer = (root: string, unit: string, from: string, to: string) =>
  writeFile(root, `${unit}/.scaffold/config.yml`, readFile(root, `${unit}/.scaffold/config.yml`).replace(from, to));

describe('units of a monorepo', () => {
  it('are listed from the root, without node_modules or ignored folders', () => {
    const root = monorepo();
    const listed = JSON.parse(cli(['list', 'units', '--json'], root).stdout);
    expect(listed.units).toEqual([
      { name: 'packages/sdk', description: 'sdk', projectType: 'library' },
      { name: 'services/model', description: 'model', projectType: 'ml' },
    ]);
    expect(cli(['list', 'units'], root).stdout).toMatch(/packages\/sdk\s+sdk \[library\]/);
  });

  it('are checked and updated each on its own, reported per unit, exiting with the worst code', () => {
    const root = monorepo();
    expect(cli(['update', '--check', '--all'], root).code).toBe(0);

    answer(root, 'services/model', 'modelType: deep-learning', 'modelType: llm');
    const check = cli(['update', '--check', '--all', '--json'], root);
    expect(check.code).toBe(1);
    const json = JSON.parse(check.stdout);
    expect(json).toMatchObject({ ok: false, command: 'update', all: true });
    expect(json.units.map((u: { path: string; exit: number }) => [u.path, u.exit])).toEqual([['packages/sdk', 0], ['services/model', 1]]);
    expect(json.errors).toEqual([expect.objectContaining({ code: 'out-of-date', message: expect.stringMatching(/^services\/model: /) })]);

    const plain = cli(['update', '--all'], root);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^services\/model:\n(?:  .*\n)*  Done: /m);
    expect(exists(root, 'services/model/tests/llm/test_output_schema.py')).toBe(true);
    expect(exists(root, 'scratch/old-sdk/tests/llm')).toBe(false);
    expect(cli(['update', '--check', '--all'], root).code).toBe(0);

    // A unit whose config is broken: exit 2 for the run, the other units still done.
    answer(root, 'packages/sdk', 'visibility: public', 'visibility: secret');
    answer(root, 'services/model', 'hasExperimentTracking: true', 'hasExperimentTracking: false');
    const broken = cli(['update', '--all', '--json'], root);
    expect(broken.code).toBe(2);
    const report = JSON.parse(broken.stdout);
    expect(report.units.map((u: { path: string; exit: number }) => [u.path, u.exit])).toEqual([['packages/sdk', 2], ['services/model', 0]]);
    expect(report.errors[0]).toMatchObject({ code: 'invalid', file: 'packages/sdk/.scaffold/config.yml' });
    expect(exists(root, 'services/model/tests/tracking')).toBe(false);
  });

  it('each get their own agent files, which nest: AGENTS.md and CLAUDE.md in the unit', () => {
    const root = monorepo();
    expect(readFile(root, 'services/model/AGENTS.md')).toContain('python -m pytest');
    expect(readFile(root, 'packages/sdk/AGENTS.md')).toContain('npm test');
    expect(exists(root, 'AGENTS.md')).toBe(false);
  });

  it('--all outside any project says so, exit 2', () => {
    const run = cli(['update', '--all'], tempDir('mono-'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no Scaffold projects under');
  });
});
