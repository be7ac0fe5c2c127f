/** Temp project folders and a quiet command context for tests. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import type { Prompter } from '../../src/answers/prompter.js';

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

export function tempDir(prefix = 'scaffold-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function writeFile(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

export function readFile(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export function exists(dir: string, path: string): boolean {
  return existsSync(join(dir, path));
}

export interface Captured extends CommandContext {
  out: string;
  err: string;
}

export function testContext(cwd: string, prompter?: Prompter): Captured {
  const ctx: Captured = {
    cwd,
    isTTY: !!prompter,
    color: false,
    out: '',
    err: '',
    stdout: (t) => void (ctx.out += t),
    stderr: (t) => void (ctx.err += t),
    prompter: () => {
      if (!prompter) throw new Error('this test did not expect a prompt');
      return prompter;
    },
  };
  return ctx;
}
