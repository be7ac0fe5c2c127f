/**
 * `update --check` on an up-to-date project is answered before the program loads
 * (src/fast-path.ts), in the same words and exit code as the program; anything else goes on to
 * the program. Proven with a copy of the package whose program file is missing: what the copy
 * still answers, the fast path answered alone.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, CLI } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';

const ROOT = join(CLI, '..', '..');

describe('update --check without the program', () => {
  let noProgram: (args: string[], cwd: string) => { code: number; stdout: string; stderr: string };
  // Made once for the file (tempDir's folders last one test).
  const pkg = mkdtempSync(join(tmpdir(), 'scaffold-fast-'));
  afterAll(() => rmSync(pkg, { recursive: true, force: true }));
  beforeAll(() => {
    for (const part of ['package.json', 'dist', 'content', 'templates']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    rmSync(join(pkg, 'dist', 'scaffold.cjs'));
    noProgram = (args, cwd) => {
      const run = spawnSync(process.execPath, [join(pkg, 'dist', 'cli.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
    };
  });

  function project(): string {
    const dir = tempDir();
    expect(cli(['init', 'p', '--yes', '--quiet', '--type', 'library', '--lib-visibility', 'public'], dir).code).toBe(0);
    return dir;
  }

  it('answers an up-to-date project alone, as the program would', () => {
    const dir = project();
    const fast = noProgram(['update', 'p', '--check'], dir);
    expect(fast).toMatchObject({ code: 0, stderr: '' });
    expect(fast.stdout).toMatch(/^Checked, nothing written: \d+ unchanged\.\n$/);
    // An option before the command is not a shape the fast path takes: the program answers.
    expect(cli(['--no-color', 'update', 'p', '--check'], dir)).toEqual(fast);
    for (const options of [['--json'], ['-q'], ['--quiet', '--dry-run', '--no-color', '--verbose']]) {
      const args = ['update', '--check', ...options];
      expect(noProgram(args, join(dir, 'p'))).toEqual(cli(['--no-color', ...args], join(dir, 'p')));
    }
  });

  it('answers update without --check too, as the program would', () => {
    const dir = project();
    const fast = noProgram(['update', 'p'], dir);
    expect(fast).toMatchObject({ code: 0, stderr: '' });
    expect(fast.stdout).toMatch(/^Done: \d+ unchanged\.\n$/);
    expect(cli(['--no-color', 'update', 'p'], dir)).toEqual(fast);
    for (const options of [['--json'], ['--quiet'], ['--dry-run'], ['--dry-run', '--json']]) {
      const args = ['update', ...options];
      expect(noProgram(args, join(dir, 'p')), options.join(' ')).toEqual(cli(['--no-color', ...args], join(dir, 'p')));
    }
  });

  it('leaves every other case to the program', () => {
    const dir = project();
    const needsProgram = (args: string[], cwd = dir) => {
      const run = noProgram(args, cwd);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr, args.join(' ')).toContain('scaffold.cjs');
    };
    // Options it does not know, two folders, a folder that is not a project, a file.
    needsProgram(['update', 'p', '--check', '--force']);
    needsProgram(['update', 'p', '--force']);
    needsProgram(['update', 'p', '--restore', 'AGENTS.md']);
    needsProgram(['update', '--all']);
    needsProgram(['update', 'p', 'q', '--check']);
    needsProgram(['update', '--check']);
    writeFileSync(join(dir, 'a-file'), '');
    needsProgram(['update', 'a-file', '--check']);
    // A generated file edited, and the answers changed: the project may be out of date.
    appendFileSync(join(dir, 'p', 'AGENTS.md'), 'A line of mine.\n');
    needsProgram(['update', 'p', '--check']);
    const edited = project();
    appendFileSync(join(edited, 'p', '.scaffold', 'config.yml'), '# a comment\n');
    needsProgram(['update', 'p', '--check'], edited);
    needsProgram(['update', 'p'], edited);
  });

  it('is not taken for a detached project', () => {
    const dir = project();
    expect(cli(['detach', '--dir', 'p'], dir).code).toBe(0);
    const run = noProgram(['update', 'p', '--check'], dir);
    expect(run.stderr).toContain('scaffold.cjs');
    expect(cli(['update', 'p', '--check'], dir).stdout).toMatch(/^Nothing to manage: this project was detached/);
  });
});
