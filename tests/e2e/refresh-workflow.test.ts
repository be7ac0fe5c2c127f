/**
 * The refresh workflow, run for real: its two steps, taken from the generated YAML, run in bash
 * in a clone of a project whose origin is a local bare repository, with `npx` answering as a
 * newer release of Scaffold (a copy of this package, its version bumped, one sentence of an
 * entry changed) and a fake `gh` that records what it is asked. Also valid per GitHub's parser.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../helpers/cli.js';
import { readFile, tempDir, writeFile } from '../helpers/project.js';
import { workflowErrors } from '../helpers/workflow-validator.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const NEXT = VERSION.replace(/^(\d+)\.(\d+)\.\d+/, (_, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);
const WORKFLOW = '.github/workflows/scaffold-refresh.yml';
const DOC = 'docs/knowledge/library-testing.md';
const SENTENCE = 'A library can pass every unit test and still be broken for everyone';

const git = (cwd: string, ...args: string[]) => {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
};

/** This package as its next release: version bumped, one sentence of library-testing rewritten. */
function nextRelease(): string {
  const pkg = tempDir('scaffold-next-');
  for (const part of ['package.json', 'src', 'dist', 'content', 'templates']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')), version: NEXT }, null, 2));
  const entry = join(pkg, 'content/knowledge/library/library-testing.md');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace(SENTENCE, 'A library can pass all of its unit tests and still fail every consumer'));
  return pkg;
}

/** `npx --yes scaffold-overlays@latest ...` answered by `pkg`; `gh` recording its calls, with an open PR once one was made. */
function fakeTools(pkg: string): { bin: string; calls: string } {
  const bin = tempDir('bin-');
  const calls = join(bin, 'calls.log');
  writeFile(bin, 'npx', `#!/bin/sh\nshift 2\nexec "${process.execPath}" "${join(pkg, 'dist/cli.cjs')}" "$@"\n`);
  writeFile(bin, 'gh', `#!/bin/sh\necho "gh $*" >> "${calls}"\nif [ "$1 $2" = "pr list" ] && [ -f "${bin}/opened" ]; then echo 7; fi\nif [ "$1 $2" = "pr create" ]; then touch "${bin}/opened"; fi\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(bin, 'gh'), 0o755);
  return { bin, calls };
}

const LIBRARY = ['--yes', '--type', 'library', '--lib-visibility', 'public', '-q'];

/** A library project at the root of the repository. */
const libraryAtRoot = (dir: string) => expect(cli(['init', ...LIBRARY], dir).code).toBe(0);

/** A monorepo: a library unit in packages/sdk, and the root a workspace holding the workflows. */
const workspace = (dir: string) => {
  expect(cli(['init', 'packages/sdk', ...LIBRARY], dir).code).toBe(0);
  expect(cli(['init', '--workspace', '-q'], dir).code).toBe(0);
};

/** A repository pushed to a bare origin, checked out as the workflow's checkout step leaves it. */
function repository(edit?: (dir: string) => void, setup: (dir: string) => void = libraryAtRoot): string {
  const origin = tempDir('origin-');
  git(origin, 'init', '-q', '--bare', '-b', 'main');
  const dir = tempDir('project-');
  setup(dir);
  edit?.(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'start');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'push', '-q', 'origin', 'main');
  return dir;
}

/** Run the workflow's steps that have a `run`, in order, as Actions would (bash -e, the job's env). */
function runWorkflow(dir: string, tools: { bin: string }): { code: number; output: string } {
  const workflow = parse(readFile(dir, WORKFLOW)) as { jobs: { refresh: { env: Record<string, string>; steps: { run?: string; env?: Record<string, string> }[] } } };
  const job = workflow.jobs.refresh;
  const temp = tempDir('runner-');
  const outputs = join(temp, 'outputs');
  writeFileSync(outputs, '');
  let output = '';
  for (const step of job.steps.filter((s) => s.run)) {
    const stepOutputs = Object.fromEntries(readFileSync(outputs, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
    const env = { ...process.env, PATH: `${tools.bin}:${process.env.PATH}`, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputs, BRANCH: job.env.BRANCH!, GH_TOKEN: 'test', VERSION: stepOutputs.version ?? '', NO_COLOR: '1' };
    const run = spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, encoding: 'utf8', env });
    output += run.stdout + run.stderr;
    if (run.status !== 0) return { code: run.status ?? -1, output };
  }
  return { code: 0, output };
}

describe('the refresh workflow', () => {
  it('is valid, scheduled per config.yml refresh, runnable by hand, with the least permissions and no third-party action', async () => {
    const dir = tempDir();
    expect(cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'public', '--refresh', 'monthly', '-q'], dir).code).toBe(0);
    const text = readFile(dir, WORKFLOW);
    expect(await workflowErrors('scaffold-refresh.yml', text)).toEqual([]);
    const workflow = parse(text);
    expect(workflow.on).toEqual({ schedule: [{ cron: '23 5 1 * *' }], workflow_dispatch: null });
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    for (const step of workflow.jobs.refresh.steps) if (step.uses) expect(step.uses).toMatch(/^actions\/(checkout|setup-node)@v\d+$/);
    // On by default for deep only; off turns it off.
    const mvp = tempDir();
    expect(cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'public', '--methodology', 'mvp', '-q'], mvp).code).toBe(0);
    expect(readFile(mvp, '.scaffold/config.yml')).not.toContain('refresh');
    expect(() => readFile(mvp, WORKFLOW)).toThrow();
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('refresh: monthly', 'refresh: off'));
    expect(cli(['update', '-q'], dir).code).toBe(0);
    expect(() => readFile(dir, WORKFLOW)).toThrow();
  });

  it('opens one pull request with the newer version, then updates it, pinning the drift check to that version', () => {
    const dir = repository();
    const tools = fakeTools(nextRelease());
    const first = runWorkflow(dir, tools);
    expect(first.code, first.output).toBe(0);
    const pushed = git(dir, 'show', `origin/scaffold/refresh:.github/workflows/scaffold.yml`);
    expect(pushed).toContain(`npx --yes scaffold-overlays@${NEXT} update --check --all`);
    expect(git(dir, 'log', '-1', '--format=%s', 'origin/scaffold/refresh')).toBe(`Update generated files with Scaffold ${NEXT}`);
    const calls = readFileSync(tools.calls, 'utf8');
    expect(calls).toMatch(new RegExp(`^gh pr create --head scaffold/refresh --title Update generated files with Scaffold ${NEXT.replace(/\./g, '\\.')} --body-file \\S+body\\.md$`, 'm'));

    // Run again (a later schedule): the same pull request is edited, not a second one opened.
    git(dir, 'checkout', '-q', 'main');
    const second = runWorkflow(dir, tools);
    expect(second.code, second.output).toBe(0);
    expect(readFileSync(tools.calls, 'utf8')).toMatch(/^gh pr edit 7 --title .* --body-file \S+$/m);
    expect(readFileSync(tools.calls, 'utf8').match(/pr create/g)).toHaveLength(1);
  });

  it('opens a draft listing the files when the update leaves conflicts', () => {
    const dir = repository((d) => writeFile(d, DOC, readFile(d, DOC).replace(SENTENCE, 'Our library passed every test and still broke a consumer once')));
    const tools = fakeTools(nextRelease());
    const run = runWorkflow(dir, tools);
    expect(run.code, run.output).toBe(0);
    const calls = readFileSync(tools.calls, 'utf8');
    expect(calls).toMatch(/^gh pr create .* --draft$/m);
    expect(git(dir, 'show', `origin/scaffold/refresh:${DOC}`)).toContain('<<<<<<< yours');
  });

  it("in a monorepo's workspace root, refreshes every unit in the one pull request", () => {
    const dir = repository(undefined, workspace);
    const tools = fakeTools(nextRelease());
    const run = runWorkflow(dir, tools);
    expect(run.code, run.output).toBe(0);
    expect(git(dir, 'show', `origin/scaffold/refresh:packages/sdk/${DOC}`)).toContain('still fail every consumer');
    expect(git(dir, 'show', 'origin/scaffold/refresh:.github/workflows/scaffold.yml')).toContain(`npx --yes scaffold-overlays@${NEXT} update --check --all`);
    expect(readFileSync(tools.calls, 'utf8').match(/^gh pr create /gm)).toHaveLength(1);
  });

  it('proposes nothing when every project is up to date', () => {
    const dir = repository();
    const tools = fakeTools(ROOT);
    const run = runWorkflow(dir, tools);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('nothing to propose');
    expect(() => readFileSync(tools.calls, 'utf8')).toThrow();
  });

  it("the README's Renovate configuration finds the version the drift check pins", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const config = JSON.parse(/```json\n(\{\n {2}"customManagers"[\s\S]*?)```/.exec(readme)![1]!);
    const manager = config.customManagers[0];
    const dir = tempDir();
    expect(cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'public', '-q'], dir).code).toBe(0);
    expect(new RegExp(manager.managerFilePatterns[0].slice(1, -1)).test('.github/workflows/scaffold.yml')).toBe(true);
    expect(new RegExp(manager.matchStrings[0]).exec(readFile(dir, '.github/workflows/scaffold.yml'))?.groups?.currentValue).toBe(VERSION);
  });
});
