/**
 * The .gitignore of ml, data-pipeline and mobile-app projects (issue 18). An existing .gitignore
 * is shared: every line of the person's stays, in order, and Scaffold adds only the lines it
 * lacks, in one marked group; a re-run adds nothing. After the suites (or the toolchains) ran,
 * `git status` lists none of their caches, environments or build folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBlock } from '../../src/sync/block.js';
import { generateProject } from '../helpers/generate.js';
import { readFile, tempDir, writeFile } from '../helpers/project.js';

/** A team's .gitignore: some lines Scaffold also wants, some of its own, a comment, odd order. */
const THEIRS = `# team rules
*.log
.venv/
/secrets/
__pycache__/
node_modules/
.DS_Store
`;

const git = (dir: string, ...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });

/** What `git status` would offer to commit, one path per line. */
function untracked(dir: string): string[] {
  expect(git(dir, 'init', '-q').status).toBe(0);
  return git(dir, 'status', '--porcelain', '--untracked-files=all').stdout.split('\n').filter(Boolean).map((l) => l.slice(3));
}

const touch = (dir: string, path: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), 'x');
};

const CASES = [
  { label: 'ml', flags: { type: 'ml', name: 'ml-demo', methodology: 'mvp', mlPhase: 'both', mlModelType: 'classical', mlServing: 'batch', mlExperimentTracking: true } },
  { label: 'data-pipeline', flags: { type: 'data-pipeline', name: 'pipeline-demo', methodology: 'mvp', pipelineProcessing: 'batch' } },
  { label: 'mobile-app (ios)', flags: { type: 'mobile-app', methodology: 'mvp', mobilePlatform: 'ios' } },
  { label: 'mobile-app (android)', flags: { type: 'mobile-app', methodology: 'mvp', mobilePlatform: 'android' } },
];

describe.each(CASES)('the .gitignore of a $label project', ({ flags }) => {
  it('keeps every line of an existing one in order, adds only what it lacks, once', async () => {
    const dir = tempDir();
    writeFile(dir, '.gitignore', THEIRS);
    await generateProject(flags, dir);
    const text = readFile(dir, '.gitignore');
    const block = findBlock(text)!;
    expect(block.before).toBe(`${THEIRS}\n`);
    expect(block.after).toBe('');
    const added = block.inner.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(added.length).toBeGreaterThan(3);
    for (const line of THEIRS.split('\n').filter(Boolean)) expect(added).not.toContain(line);

    await generateProject(flags, dir);
    expect(readFile(dir, '.gitignore')).toBe(text);
  });

  it('in a new project, leaves no cache, environment or build folder for git to offer', async () => {
    const dir = await generateProject(flags);
    if (flags.type === 'mobile-app') {
      // What npm, Xcode, SwiftPM and Gradle leave behind (Scaffold's tests run no native toolchain).
      for (const path of ['node_modules/vitest/package.json', 'coverage/index.html', 'dist/index.js', '.env.local']) touch(dir, path);
      if (flags.mobilePlatform === 'ios') for (const path of ['ios/AppCore/.build/debug.yaml', 'DerivedData/Build/x', 'ios/App.xcodeproj/xcuserdata/me.xcuserdatad/x']) touch(dir, path);
      if (flags.mobilePlatform === 'android') for (const path of ['android/.gradle/8.14/x', 'android/core/build/classes/x', 'android/local.properties', 'android/.kotlin/x']) touch(dir, path);
    } else {
      // The suites as a person runs them: bytecode, pytest's cache and hypothesis's database written.
      const env: NodeJS.ProcessEnv = { ...process.env, PIPELINE_INTEGRATION: '' };
      delete env.PYTHONDONTWRITEBYTECODE;
      const run = spawnSync('python3', ['-m', 'pytest', '-q'], { cwd: dir, encoding: 'utf8', env, timeout: 55_000 });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      for (const path of ['.venv/bin/python', 'src/x.egg-info/PKG-INFO', '.coverage', 'htmlcov/index.html', 'build/lib/x.py']) touch(dir, path);
    }
    const offered = untracked(dir);
    expect(offered.length).toBeGreaterThan(5);
    expect(offered.filter((path) => /__pycache__|\.pytest_cache|\.hypothesis|\.venv|egg-info|\.coverage|htmlcov|^build\/|node_modules|coverage\/|dist\/|\.env|\.build\/|DerivedData|xcuserdata|\.gradle\/|\/build\/|local\.properties|\.kotlin/.test(path))).toEqual([]);
    expect(offered).toContain('.gitignore');
  });
});
