/**
 * The ml starter suites, generated through the real `init` for a matrix of answers and run with
 * pytest: each must pass with no failure and with at least 20 passing tests under deep, 8 under
 * mvp (issue 6). The matrix covers every value of every ml answer at least once under deep and a
 * few combinations under mvp; it also checks that each suite appears exactly when its tier and
 * `when:` select it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { tempDir, writeFile } from '../helpers/project.js';
import { runPytest } from '../helpers/suite-runners.js';

const BARS = { deep: 20, mvp: 8 } as const;

interface Case {
  methodology: keyof typeof BARS;
  mlPhase: 'training' | 'inference' | 'both';
  mlModelType: 'classical' | 'deep-learning' | 'llm';
  /** Omitted for training, where it is derived as none. */
  mlServing?: 'batch' | 'realtime' | 'edge';
  mlExperimentTracking: boolean;
}

const MATRIX: Case[] = [
  { methodology: 'deep', mlPhase: 'training', mlModelType: 'classical', mlExperimentTracking: false },
  { methodology: 'deep', mlPhase: 'training', mlModelType: 'llm', mlExperimentTracking: true },
  { methodology: 'deep', mlPhase: 'both', mlModelType: 'deep-learning', mlServing: 'realtime', mlExperimentTracking: true },
  { methodology: 'deep', mlPhase: 'inference', mlModelType: 'llm', mlServing: 'batch', mlExperimentTracking: false },
  { methodology: 'deep', mlPhase: 'inference', mlModelType: 'classical', mlServing: 'edge', mlExperimentTracking: true },
  { methodology: 'mvp', mlPhase: 'training', mlModelType: 'deep-learning', mlExperimentTracking: true },
  { methodology: 'mvp', mlPhase: 'both', mlModelType: 'classical', mlServing: 'batch', mlExperimentTracking: false },
  { methodology: 'mvp', mlPhase: 'inference', mlModelType: 'llm', mlServing: 'edge', mlExperimentTracking: true },
];

/** The test folder each suite renders, and whether the case selects that suite. */
const SUITE_DIRS: [string, (c: Case) => boolean][] = [
  ['tests/unit', () => true],
  ['tests/model', () => true],
  ['tests/pipeline', (c) => c.methodology === 'deep' && c.mlPhase !== 'inference'],
  ['tests/regression', (c) => c.methodology === 'deep'],
  ['tests/property', (c) => c.methodology === 'deep'],
  ['tests/smoke', (c) => c.mlServing !== undefined],
  ['tests/tracking', (c) => c.methodology === 'deep' && c.mlExperimentTracking],
  ['tests/llm', (c) => c.mlModelType === 'llm'],
];

function label(c: Case): string {
  return `${c.methodology}: ${c.mlPhase} ${c.mlModelType} serving=${c.mlServing ?? 'none'} tracking=${c.mlExperimentTracking}`;
}

describe('ml starter suites pass as generated', () => {
  beforeAll(() => {
    const check = spawnSync('python3', ['-c', 'import pytest, numpy'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`these tests need python3 with pytest and numpy: ${check.stderr}`);
  });

  it.each(MATRIX.map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const { mlServing, ...flags } = c;
    const dir = await generateProject({ type: 'ml', name: 'ml-demo', ...flags, ...(mlServing ? { mlServing } : {}) });

    for (const [path, selected] of SUITE_DIRS) {
      expect(existsSync(join(dir, path)), `${path} rendered`).toBe(selected(c));
    }

    const { code, output, passed, failed, errors } = runPytest(dir);
    expect(failed, output).toBe(0);
    expect(errors, output).toBe(0);
    expect(code, output).toBe(0);
    expect(passed, output).toBeGreaterThanOrEqual(BARS[c.methodology]);
    // Every serving pattern has a wall-clock budget: skipped, saying how to run it.
    if (c.mlServing) expect(output).toMatch(/SKIPPED .*measures wall-clock time: run with -m timing/);
  });

  it('passes in a repository that already has its own pyproject.toml, which Scaffold leaves alone', async () => {
    // A typical existing repo: its pyproject.toml has no pythonpath and no markers of ours.
    const dir = tempDir();
    writeFile(dir, 'pyproject.toml', '[project]\nname = "existing-repo"\nversion = "1.2.3"\n');
    await generateProject({ type: 'ml', name: 'ml-demo', methodology: 'mvp', mlPhase: 'both', mlModelType: 'classical', mlServing: 'batch' }, dir);
    expect(readFileSync(join(dir, 'pyproject.toml'), 'utf8')).toContain('existing-repo');

    const { code, output, passed, failed } = runPytest(dir);
    expect(failed, output).toBe(0);
    expect(code, output).toBe(0);
    expect(passed, output).toBeGreaterThanOrEqual(BARS.mvp);
    expect(output).not.toMatch(/PytestUnknownMarkWarning|ModuleNotFoundError/);
  });
});
