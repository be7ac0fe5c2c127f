/**
 * The GitHub Actions workflows a generated project gets: valid for GitHub's own workflow parser,
 * on current action majors, running the project's own suites (pytest, npm test, swift test,
 * Gradle) on pull requests and pushes to main, on every supported Node.js or Python line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateProject } from '../helpers/generate.js';
import { workflowErrors } from '../helpers/workflow-validator.js';

/** The current major of every action a generated workflow may use (December 2026). */
const CURRENT: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/setup-python': 'v7',
  'actions/setup-java': 'v6',
  'gradle/actions/setup-gradle': 'v6',
};
const NODE_LINES = [22, 24, 26];
const PYTHON_LINES = ['3.11', '3.12', '3.13', '3.14', '3.15'];

interface Case {
  label: string;
  flags: Record<string, unknown>;
  /** The workflow files, and per job of test.yml the commands it must run. */
  workflows: string[];
  jobs: Record<string, string[]>;
}

const CASES: Case[] = [
  {
    label: 'ml, deep',
    flags: { type: 'ml', methodology: 'deep', mlPhase: 'both', mlModelType: 'classical', mlServing: 'realtime' },
    workflows: ['scaffold-refresh.yml', 'scaffold.yml', 'test.yml'],
    jobs: { pytest: ['python -m pip install -r requirements-dev.txt', 'python -m pytest'] },
  },
  {
    label: 'data-pipeline, deep, with the Postgres integration job',
    flags: { type: 'data-pipeline', methodology: 'deep', pipelineProcessing: 'hybrid' },
    workflows: ['integration.yml', 'scaffold-refresh.yml', 'scaffold.yml', 'test.yml'],
    jobs: { pytest: ['python -m pip install -r requirements-dev.txt', 'python -m pytest'] },
  },
  {
    label: 'library, deep',
    flags: { type: 'library', methodology: 'deep', libVisibility: 'public' },
    workflows: ['scaffold-refresh.yml', 'scaffold.yml', 'test.yml'],
    jobs: { npm: ['npm ci', 'npm run typecheck', 'npm run build --if-present', 'npm test'] },
  },
  {
    label: 'browser-extension, mvp',
    flags: { type: 'browser-extension', methodology: 'mvp', extUiSurfaces: 'popup', extContentScript: true },
    workflows: ['test.yml'],
    jobs: { npm: ['npm ci', 'npm run typecheck', 'npm run build --if-present', 'npm test'] },
  },
  {
    label: 'mobile-app, ios, deep',
    flags: { type: 'mobile-app', methodology: 'deep', mobilePlatform: 'ios' },
    workflows: ['scaffold-refresh.yml', 'scaffold.yml', 'test.yml'],
    jobs: { npm: ['npm ci', 'npm run typecheck', 'npm test'], swift: ['swift test --package-path ios/AppCore'] },
  },
  {
    label: 'mobile-app, android, mvp',
    flags: { type: 'mobile-app', methodology: 'mvp', mobilePlatform: 'android' },
    workflows: ['test.yml'],
    jobs: { npm: ['npm ci', 'npm run typecheck', 'npm test'], gradle: ['gradle -p android :core:test'] },
  },
  {
    label: 'mobile-app, cross-platform, deep',
    flags: { type: 'mobile-app', methodology: 'deep', mobilePlatform: 'cross-platform' },
    workflows: ['scaffold-refresh.yml', 'scaffold.yml', 'test.yml'],
    jobs: { npm: ['npm ci', 'npm run typecheck', 'npm test'] },
  },
];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: Record<string, unknown[]> };
  steps: Step[];
}

const stepsOf = (job: Job, key: 'uses' | 'run') => job.steps.map((s) => s[key]).filter((v): v is string => !!v);

describe.each(CASES)('the workflows of a generated project: $label', ({ flags, workflows, jobs }) => {
  it('are valid for GitHub, on current actions, and run its own suites on each supported line', async () => {
    const dir = await generateProject(flags);
    const folder = join(dir, '.github/workflows');
    expect(readdirSync(folder).sort()).toEqual(workflows);

    for (const name of workflows) {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(await workflowErrors(name, text), name).toEqual([]);
      const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, Job> };
      // The refresh runs on a schedule (tests/e2e/refresh-workflow.test.ts); the others on pull requests.
      if (name !== 'scaffold-refresh.yml') expect(Object.keys(workflow.on), name).toContain('pull_request');
      for (const job of Object.values(workflow.jobs)) {
        for (const uses of stepsOf(job, 'uses')) {
          const [action, major] = uses.split('@');
          expect(CURRENT[action!], `${name}: ${uses}`).toBe(major);
        }
      }
    }

    const test = parse(readFileSync(join(folder, 'test.yml'), 'utf8')) as { on: { push: { branches: string[] } }; jobs: Record<string, Job> };
    expect(test.on.push.branches).toEqual(['main']);
    expect(Object.keys(test.jobs).sort()).toEqual(Object.keys(jobs).sort());
    for (const [id, commands] of Object.entries(jobs)) {
      const job = test.jobs[id]!;
      expect(stepsOf(job, 'run'), id).toEqual(commands);
      if (id === 'npm') expect(job.strategy?.matrix['node-version']).toEqual(NODE_LINES);
      if (id === 'swift') expect(job['runs-on']).toMatch(/^macos-/);
    }

    if (jobs.pytest) {
      // The matrix starts at the project's own floor and lists only supported lines.
      const floor = /requires-python = ">=([\d.]+)"/.exec(readFileSync(join(dir, 'pyproject.toml'), 'utf8'))![1];
      expect(test.jobs.pytest!.strategy?.matrix['python-version']).toEqual(PYTHON_LINES.slice(PYTHON_LINES.indexOf(floor!)));
    }
    if (jobs.npm) {
      // Every script the workflow runs is one the project has (build only where present).
      const scripts = Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts);
      for (const command of jobs.npm.filter((c) => c.startsWith('npm run ') && !c.endsWith('--if-present'))) {
        expect(scripts).toContain(command.split(' ')[2]);
      }
    }
  });
});

describe('the workflow check', () => {
  it('rejects what GitHub would reject: a misspelt key, an unknown event, a broken expression', async () => {
    const dir = await generateProject({ type: 'ml', methodology: 'mvp', mlPhase: 'training', mlModelType: 'classical' });
    const good = readFileSync(join(dir, '.github/workflows/test.yml'), 'utf8');
    expect(await workflowErrors('test.yml', good)).toEqual([]);
    const broken = good.replace('runs-on:', 'runs_on:').replace('pull_request:', 'pull_requests:').replace('matrix.python-version }}', 'matrix.python-version ||| x }}');
    const errors = (await workflowErrors('test.yml', broken)).join('\n');
    expect(errors).toMatch(/runs_on/);
    expect(errors).toMatch(/pull_requests/);
    expect(errors).toMatch(/\|/);
  });
});
