/**
 * A monorepo's root as a workspace (`scaffold init --workspace`): it holds the GitHub workflows
 * of its units, where GitHub reads them, and the units stop writing their own.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';
import { workflowErrors } from '../helpers/workflow-validator.js';

const TESTS = '.github/workflows/test.yml';

/** A git repository with an ml unit and a library unit, set up before the root. */
function monorepo(): string {
  const root = tempDir('workspace-');
  spawnSync('git', ['init', '-q'], { cwd: root });
  expect(cli(['init', 'services/model', '--yes', '--type', 'ml', '--ml-phase', 'both', '-q'], root).code).toBe(0);
  expect(cli(['init', 'packages/sdk', '--yes', '--type', 'library', '--lib-visibility', 'public', '-q'], root).code).toBe(0);
  return root;
}

interface Job {
  name: string;
  defaults: { run: { 'working-directory': string } };
  steps: { run?: string; with?: Record<string, string> }[];
}

describe('a workspace root', () => {
  it('holds the drift check, the refresh and one test job per unit, each run in its folder', async () => {
    const root = monorepo();
    const unitTests = parse(readFile(root, `services/model/${TESTS}`)).jobs.pytest as Job;
    const init = cli(['init', '--workspace'], root);
    expect(init.code).toBe(0);
    expect(readFile(root, '.scaffold/config.yml')).toMatch(/^workspace: true$/m);
    for (const file of ['scaffold.yml', 'scaffold-refresh.yml', 'test.yml']) {
      const content = readFile(root, `.github/workflows/${file}`);
      expect(await workflowErrors(file, content)).toEqual([]);
    }
    expect(readFile(root, '.github/workflows/scaffold.yml')).toContain('update --check --all');
    expect(readFile(root, '.github/workflows/scaffold-refresh.yml')).toContain('update --all --json');

    const jobs = parse(readFile(root, TESTS)).jobs as Record<string, Job>;
    expect(Object.keys(jobs)).toEqual(['packages-sdk-npm', 'services-model-pytest']);
    const model = jobs['services-model-pytest']!;
    expect(model.defaults.run['working-directory']).toBe('services/model');
    expect(model.name).toMatch(/^services\/model: pytest/);
    // The unit's own commands, unchanged; the cache reads the unit's requirements.
    expect(model.steps.map((s) => s.run).filter(Boolean)).toEqual(unitTests.steps.map((s) => s.run).filter(Boolean));
    expect(model.steps.find((s) => s.with?.cache)?.with?.['cache-dependency-path']).toBe('services/model/requirements*.txt');
    const sdk = jobs['packages-sdk-npm']!;
    expect(sdk.defaults.run['working-directory']).toBe('packages/sdk');
    expect(sdk.steps.map((s) => s.run)).toContain('npm test');
    expect(sdk.steps.find((s) => s.with?.cache)?.with?.['cache-dependency-path']).toBe('packages/sdk/package-lock.json');

    const listed = JSON.parse(cli(['list', 'units', '--json'], root).stdout).units;
    expect(listed[0]).toEqual({ name: '.', description: expect.stringContaining('workspace root'), projectType: 'workspace' });
  });

  it('takes the units\' own workflows away on update --all, keeping an edited one and saying so', () => {
    const root = monorepo();
    writeFile(root, `packages/sdk/${TESTS}`, `${readFile(root, `packages/sdk/${TESTS}`)}# our own note\n`);
    expect(cli(['init', '--workspace', '-q'], root).code).toBe(0);
    const run = cli(['update', '--all', '--json'], root);
    expect(run.code).toBe(0);
    const units = JSON.parse(run.stdout).units as { path: string; changes: { path: string; action: string; reason?: string }[] }[];
    const changesOf = (path: string) => units.find((u) => u.path === path)!.changes.filter((c) => c.path.startsWith('.github/'));
    expect(changesOf('services/model').map((c) => [c.path, c.action])).toEqual([
      ['.github/workflows/scaffold-refresh.yml', 'delete'],
      ['.github/workflows/scaffold.yml', 'delete'],
      ['.github/workflows/test.yml', 'delete'],
    ]);
    expect(exists(root, 'services/model/.github/workflows')).toBe(false);
    expect(changesOf('packages/sdk')).toContainEqual(expect.objectContaining({ path: TESTS, action: 'keep', reason: expect.stringContaining('you edited it') }));
    expect(readFile(root, `packages/sdk/${TESTS}`)).toContain('# our own note');
    expect(exists(root, 'packages/sdk/.github/workflows/scaffold.yml')).toBe(false);
    expect(cli(['update', '--check', '--all'], root).code).toBe(0);
  });

  it('is out of date when a unit is added, until update --all writes its tests', () => {
    const root = monorepo();
    expect(cli(['init', '--workspace', '-q'], root).code).toBe(0);
    expect(cli(['update', '--all', '-q'], root).code).toBe(0);
    expect(cli(['init', 'apps/ingest', '--yes', '--type', 'data-pipeline', '--pipeline-processing', 'batch', '-q'], root).code).toBe(0);
    // Set up inside the workspace: no workflows of its own from the start.
    expect(exists(root, 'apps/ingest/.github')).toBe(false);

    const check = cli(['update', '--check', '--all'], root);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^\. \(the repository root\):\n(?:  .*\n)*?\s+update\s+\.github\/workflows\/test\.yml/m);
    expect(cli(['update', '--all', '-q'], root).code).toBe(0);
    expect(Object.keys(parse(readFile(root, TESTS)).jobs)).toEqual(['apps-ingest-pytest', 'apps-ingest-postgres', 'packages-sdk-npm', 'services-model-pytest']);
    expect(cli(['update', '--check', '--all'], root).code).toBe(0);
  });

  it('detaches like a project: its workflows stay the person\'s, its drift check and refresh go, update has nothing to manage', () => {
    const root = monorepo();
    expect(cli(['init', '--workspace', '-q'], root).code).toBe(0);
    const tests = readFile(root, TESTS);
    const detached = cli(['detach'], root);
    expect(detached.code).toBe(0);
    expect(detached.stdout).toContain('Scaffold no longer manages this workspace root');
    expect(readFile(root, TESTS)).toBe(tests);
    expect(exists(root, '.github/workflows/scaffold.yml')).toBe(false);
    expect(exists(root, '.github/workflows/scaffold-refresh.yml')).toBe(false);
    expect(cli(['update'], root).stdout).toMatch(/^Nothing to manage: this project was detached .*`scaffold init --workspace` starts again/);
  });

  it('refuses a type, and a root with no units under it, in one line, exit 2', () => {
    const withType = cli(['init', '--workspace', '--type', 'ml'], monorepo());
    expect(withType.code).toBe(2);
    expect(withType.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: --workspace with --type: /)]);
    const empty = tempDir('workspace-');
    spawnSync('git', ['init', '-q'], { cwd: empty });
    const none = cli(['init', '--workspace'], empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: no units under /);
    expect(exists(empty, '.scaffold')).toBe(false);
  });
});
