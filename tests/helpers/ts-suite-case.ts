/**
 * A generated TypeScript project case: `scaffold init` it with the given answers, check which
 * files its answers select, run its own vitest (and tsc when asked) and hold it to the issue-7
 * bars (at least 15 passing tests under deep, 6 under mvp, none failing). The generated projects
 * reuse this repository's node_modules (vitest 4, typescript, @types/node), so runs are offline.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generateProject } from './generate.js';
import { linkNodeModules, runTsc, runVitest } from './suite-runners.js';

export const BARS = { deep: 15, mvp: 6 } as const;

export interface Case {
  label: string;
  methodology: keyof typeof BARS;
  flags: Record<string, unknown>;
  /** Paths that must (true) or must not (false) be generated. */
  paths: Record<string, boolean>;
  /** Also type-check the generated project with its own tsconfig (a few seconds: only the cases with the most source files). */
  typecheck?: boolean;
}

export async function generateAndRun(type: string, { methodology, flags, paths, typecheck }: Case): Promise<string> {
  const dir = await generateProject({ type, methodology, ...flags });
  for (const [path, present] of Object.entries(paths)) expect(existsSync(join(dir, path)), path).toBe(present);

  linkNodeModules(dir);
  const { code, output, passed, failed } = runVitest(dir);
  expect(failed, output).toBe(0);
  expect(code, output).toBe(0);
  expect(passed, output).toBeGreaterThanOrEqual(BARS[methodology]);

  if (typecheck) {
    const tsc = runTsc(dir);
    expect(tsc.code, tsc.output).toBe(0);
  }
  return dir;
}
