/** `scaffold detach`: leave Scaffold, file by file or whole, with nothing lost or changed. */
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file's bytes, .scaffold/ left out. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.scaffold') walk(full);
      } else out[relative(dir, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}

function project(): string {
  const dir = tempDir('detach-');
  expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-serving', 'realtime', '-q'], dir).code).toBe(0);
  return dir;
}

const DOC = 'docs/knowledge/ml-serving-patterns.md';

describe('scaffold detach', () => {
  it('of one file: it stays as it is, and no later update touches it, even when its answers change', () => {
    const dir = project();
    writeFile(dir, DOC, `${readFile(dir, DOC)}\nOur own notes.\n`);
    const mine = readFile(dir, DOC);
    const run = cli(['detach', DOC, '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, command: 'detach', changes: [{ path: DOC, action: 'detach' }] });
    expect(readFile(dir, DOC)).toBe(mine);
    expect(JSON.parse(readFile(dir, '.scaffold/manifest.json'))).toMatchObject({ detached: [DOC] });

    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('servingPattern: realtime', 'servingPattern: batch'));
    const update = cli(['update', '--json'], dir);
    expect(update.code, update.stderr).toBe(0);
    expect(JSON.parse(update.stdout).changes.map((c: { path: string }) => c.path)).not.toContain(DOC);
    expect(readFile(dir, DOC)).toBe(mine);
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });

  it('refuses a file with conflict markers and a file Scaffold does not manage, changing nothing', () => {
    const dir = project();
    writeFile(dir, DOC, readFile(dir, DOC).replace(/^.* serves predictions through a \*\*realtime\*\* API\..*$/m, 'Our gateway.'));
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('servingPattern: realtime', 'servingPattern: batch'));
    expect(cli(['update'], dir).code).toBe(1); // the conflict is marked
    const before = snapshot(dir);
    const conflicted = cli(['detach', DOC], dir);
    expect(conflicted.code).toBe(2);
    expect(conflicted.stderr).toContain(`${DOC} still has conflict markers`);
    const foreign = cli(['detach', 'notes.txt'], dir);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('Scaffold does not manage that file');
    expect(snapshot(dir)).toEqual(before);
  });

  it('of the whole project: every file stays, the unchanged Scaffold workflow goes, update has nothing to manage, init starts again', () => {
    const dir = project();
    writeFile(dir, 'README.md', '# my project\n');
    writeFile(dir, DOC, `${readFile(dir, DOC)}\nOur own notes.\n`);
    const before = contents(dir);
    const run = cli(['detach'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/delete\s+\.github\/workflows\/scaffold\.yml/);
    expect(run.stdout).toMatch(/delete\s+\.github\/workflows\/scaffold-refresh\.yml/);
    expect(run.stdout).toContain('every file is yours now');
    const after = contents(dir);
    delete before['.github/workflows/scaffold.yml'];
    delete before['.github/workflows/scaffold-refresh.yml'];
    expect(after).toEqual(before);

    for (const args of [['update'], ['update', '--check']]) {
      const update = cli(args, dir);
      expect(update.code).toBe(0);
      expect(update.stdout).toContain('Nothing to manage: this project was detached');
      expect(update.stdout).toContain('`scaffold init` starts again');
    }
    expect(cli(['detach'], dir).code).toBe(2);

    const again = cli(['init', '--yes', '-q'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(exists(dir, '.github/workflows/scaffold.yml')).toBe(true);
    expect(contents(dir)[DOC]).toBe(after[DOC]);
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });

  it('of the whole project keeps a Scaffold workflow the person edited', () => {
    const dir = project();
    const workflow = '.github/workflows/scaffold.yml';
    writeFile(dir, workflow, `${readFile(dir, workflow)}# ours\n`);
    expect(cli(['detach'], dir).code).toBe(0);
    expect(readFile(dir, workflow)).toMatch(/# ours\n$/);
  });
});
