/**
 * A small mutation check for generated projects: plant one deliberate bug (a string replaced in
 * one source file) in a copy of a generated project and run the project's own tests that cover
 * that file. A suite that still passes has a test that cannot fail for that bug.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './project.js';

export interface Mutant {
  /** The bug, as a reader would name it. */
  name: string;
  /** The source file, relative to the project. */
  file: string;
  /** Text that occurs exactly once in the file, and what it becomes. */
  from: string;
  to: string;
  /** The project's test files (or folders) that must catch it. */
  tests: string[];
}

export interface TestRun {
  code: number;
  failed: number;
  passed: number;
  output: string;
}

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
// The child runner must not think it is one of this run's vitest workers.
const ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CI: '1',
  PYTHONDONTWRITEBYTECODE: '1',
};

/** A copy of `project` with the mutant applied; the node_modules link is copied as a link. */
export function mutatedCopy(project: string, mutant: Mutant): string {
  const dir = tempDir('scaffold-mutant-');
  cpSync(project, dir, { recursive: true, verbatimSymlinks: true });
  const path = join(dir, mutant.file);
  const source = readFileSync(path, 'utf8');
  const count = source.split(mutant.from).length - 1;
  if (count !== 1) throw new Error(`mutant "${mutant.name}": ${JSON.stringify(mutant.from)} occurs ${count} times in ${mutant.file}, expected exactly once`);
  writeFileSync(path, source.replace(mutant.from, () => mutant.to));
  return dir;
}

/** Run only `tests` of the project with its own runner, and read the counts from the summary. */
export function runTests(dir: string, runner: 'vitest' | 'pytest', tests: string[]): TestRun {
  const [command, args] =
    runner === 'vitest'
      ? [process.execPath, [join(NODE_MODULES, 'vitest/vitest.mjs'), 'run', ...tests]]
      : ['python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...tests]];
  const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: ENV, timeout: 60_000 });
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  // vitest: "Tests  1 failed | 9 passed (10)"; pytest: "1 failed, 9 passed in 0.31s".
  const summary = runner === 'vitest' ? (/^\s*Tests\s+(.+)$/m.exec(output)?.[1] ?? '') : (output.trim().split('\n').pop() ?? '');
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1] ?? 0);
  return { code: run.status ?? -1, failed: count('failed'), passed: count('passed'), output };
}
