/**
 * Run a generated project's own test suite the way its README says, and read the counts from the
 * runner's summary line. Python suites run with the machine's pytest; TypeScript suites with
 * Scaffold's own installed vitest and typescript (linked in as node_modules), to stay offline.
 */
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteRun {
  code: number;
  output: string;
  passed: number;
  failed: number;
  errors: number;
}

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/** `env`: extra variables; a variable set to undefined is removed. */
export function runPytest(dir: string, env: Record<string, string | undefined> = {}): SuiteRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const run = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: dir, encoding: 'utf8', env: childEnv, timeout: 55_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  // The closing line, e.g. "134 passed, 4 skipped in 6.03s".
  const last = output.trim().split('\n').pop() ?? '';
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(last)?.[1] ?? 0);
  return { code: run.status ?? -1, output, passed: count('passed'), failed: count('failed'), errors: count('errors?') };
}

// The child vitest must not think it is one of this run's workers.
const vitestEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CI: '1',
};

/** Link Scaffold's node_modules into the project: its package.json asks only for what is there. */
export function linkNodeModules(dir: string): void {
  symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
}

export function runVitest(dir: string): SuiteRun {
  const run = spawnSync(process.execPath, [join(NODE_MODULES, 'vitest/vitest.mjs'), 'run'], { cwd: dir, encoding: 'utf8', env: vitestEnv, timeout: 180_000 });
  const output = `${run.stdout}\n${run.stderr}`;
  // The summary line, e.g. "Tests  2 failed | 81 passed (83)".
  const line = /^\s*Tests\s+(.+)$/m.exec(output)?.[1] ?? '';
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  return { code: run.status ?? -1, output, passed: count('passed'), failed: count('failed'), errors: 0 };
}

export interface LintFinding {
  code: string;
  message: string;
}

/**
 * `npm run lint:firefox` in a generated extension: Mozilla's web-ext lint (from the linked
 * node_modules) on the built dist/, as JSON. No update check: CI and NO_UPDATE_NOTIFIER are set.
 */
export function runFirefoxLint(dir: string): { code: number; output: string; errors: LintFinding[]; warnings: LintFinding[]; notices: LintFinding[] } {
  const run = spawnSync('npm', ['run', '--silent', 'lint:firefox', '--', '--output', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...vitestEnv, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' },
    timeout: 60_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as Record<'errors' | 'warnings' | 'notices', LintFinding[]>;
  const findings = (list: LintFinding[]) => list.map(({ code, message }) => ({ code, message }));
  return { code: run.status ?? -1, output, errors: findings(report.errors), warnings: findings(report.warnings), notices: findings(report.notices) };
}

export function runTsc(dir: string): { code: number; output: string } {
  const run = spawnSync(process.execPath, [join(NODE_MODULES, 'typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: dir, encoding: 'utf8', env: vitestEnv, timeout: 120_000 });
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}
