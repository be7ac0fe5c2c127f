/**
 * Trust under any fault (issue 14), as a person meets it with the real CLI: ten runs at once,
 * backups that never overwrite, records lost or damaged, a .scaffold that leads outside, bytes
 * that are not UTF-8, modes and line endings kept, and every bad environment a clear line with
 * exit 2. Stopping a run at every single step is tests/unit/faults.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cli } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const ML = ['--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical', '--methodology', 'mvp'];

function initProject(): string {
  const dir = tempDir();
  expect(cli(['init', ...ML, '--quiet'], dir).code).toBe(0);
  return dir;
}

/** Change an answer so that the knowledge and suites are rendered differently. */
function changeAnswer(dir: string): void {
  writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('servingPattern: realtime', 'servingPattern: batch'));
}

function leftovers(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /scaffold-tmp$|(^|\/)lock($|\.)|base\.json\.next$/.test(f));
}

/** Start `n` runs of the CLI at once and wait for all of them. */
function atOnce(n: number, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }[]> {
  return Promise.all(
    Array.from({ length: n }, () => new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    })),
  );
}

/** A pid no process has now: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('ten runs at once', () => {
  it.each([false, true])('exactly one writes, with a stale lock left by a dead run: %s', async (stale) => {
    const dir = tempDir();
    if (stale) writeFile(dir, '.scaffold/lock', `${deadPid()} 0123456789abcdef\n`);
    const runs = await atOnce(10, ['init', ...ML, '--json'], dir);
    const wrote = runs.filter((r) => r.code === 0 && (JSON.parse(r.stdout) as { changes: { action: string }[] }).changes.some((c) => c.action === 'create'));
    expect(wrote, runs.map((r) => `${r.code} ${r.stderr}`).join('\n')).toHaveLength(1);
    for (const run of runs.filter((r) => !wrote.includes(r))) {
      // Stopped by the lock (naming the holder, or after other runs kept taking it), or started
      // after the writer was done: nothing to do.
      if (run.code === 2) expect(run.stdout + run.stderr).toMatch(/another scaffold run \(pid \d+\) is updating this project|taking over|other runs keep taking it/);
      else expect(run.code, run.stdout + run.stderr).toBe(0);
    }
    expect(cli(['update', '--check'], dir).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('--force', () => {
  it('never overwrites a backup: it takes the next free name and says which', () => {
    const dir = tempDir();
    writeFile(dir, 'pyproject.toml', 'mine = 1\n');
    writeFile(dir, 'pyproject.toml.orig', 'my own file that happens to be called .orig\n');
    const first = cli(['init', ...ML, '--force'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('pyproject.toml.orig.1');
    expect(readFile(dir, 'pyproject.toml.orig')).toBe('my own file that happens to be called .orig\n');
    expect(readFile(dir, 'pyproject.toml.orig.1')).toBe('mine = 1\n');
    writeFile(dir, 'docs/knowledge/ml-testing.md', 'rewritten by me\n');
    changeAnswer(dir);
    const second = cli(['update', '--force'], dir);
    expect(second.stdout).toContain('docs/knowledge/ml-testing.md.orig');
    expect(readFile(dir, 'docs/knowledge/ml-testing.md.orig')).toBe('rewritten by me\n');
  });
});

describe('records that are lost or damaged', () => {
  it.each([
    ['deleted', (dir: string) => rmSync(join(dir, '.scaffold/manifest.json'))],
    ['left with a git conflict', (dir: string) => writeFile(dir, '.scaffold/manifest.json', '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n')],
  ])('are rebuilt from base.json and the files when the manifest is %s, and it is said', (_, damage) => {
    const dir = initProject();
    writeFile(dir, 'docs/knowledge/ml-testing.md', `${readFile(dir, 'docs/knowledge/ml-testing.md')}\nOur own note.\n`);
    rmSync(join(dir, 'docs/knowledge/ml-architecture.md'));
    damage(dir);
    const check = cli(['update', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/\.scaffold\/manifest\.json (is missing|is not valid JSON).*: rebuilt it from \.scaffold\/base\.json and the files/);
    changeAnswer(dir);
    const run = cli(['update'], dir);
    expect(run.code).toBe(0);
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).toContain('Our own note.');
    expect(run.stdout).toMatch(/merge\s+docs\/knowledge\/ml-testing\.md/);
    // What the person deleted stays deleted.
    expect(exists(dir, 'docs/knowledge/ml-architecture.md')).toBe(false);
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });
});

describe('paths', () => {
  it('refuses a .scaffold that leads outside before making anything there', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFile(outside, 'lock', 'a file of someone else\n');
    symlinkSync(outside, join(dir, '.scaffold'));
    const run = cli(['init', ...ML], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/leads outside the project through a symbolic link/);
    expect(readdirSync(outside)).toEqual(['lock']);
    expect(readFileSync(join(outside, 'lock'), 'utf8')).toBe('a file of someone else\n');
  });

  it('refuses, writing nothing, when a file stands where a folder must be', () => {
    const dir = tempDir();
    writeFile(dir, 'docs', 'a file named docs\n');
    const run = cli(['init', ...ML], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('docs is a file, but Scaffold needs a folder there');
    expect(readdirSync(dir)).toEqual(['docs']);
  });
});

describe('bytes', () => {
  it('merges an edit with bytes that are not UTF-8 and keeps every byte', () => {
    const dir = initProject();
    const path = join(dir, 'docs/knowledge/ml-testing.md');
    const latin1 = Buffer.from('\nNotes from the caf\xe9 meeting: r\xe9sum\xe9 of the test plan.\n', 'latin1');
    writeFileSync(path, Buffer.concat([readFileSync(path), latin1]));
    changeAnswer(dir);
    const run = cli(['update'], dir);
    expect(run.stdout).toMatch(/merge\s+docs\/knowledge\/ml-testing\.md/);
    const after = readFileSync(path);
    expect(after.includes(latin1)).toBe(true);
    expect(after.toString('utf8')).toContain('the scoring job writes the expected partition');
  });

  it('keeps a file\'s mode and the line ending of each line', () => {
    const dir = initProject();
    const file = 'docs/knowledge/ml-testing.md';
    chmodSync(join(dir, file), 0o755);
    writeFile(dir, file, `${readFile(dir, file)}one line ending in CRLF\r\n`);
    changeAnswer(dir);
    expect(cli(['update'], dir).stdout).toMatch(/merge\s+docs\/knowledge\/ml-testing\.md/);
    expect(statSync(join(dir, file)).mode & 0o777).toBe(0o755);
    const text = readFile(dir, file);
    expect(text).toContain('one line ending in CRLF\r\n');
    expect(text.match(/\r\n/g)).toHaveLength(1);
  });
});

describe('a bad environment is one line and exit 2, never a crash', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['config.yml is a folder', (dir) => (rmSync(join(dir, '.scaffold/config.yml')), mkdirSync(join(dir, '.scaffold/config.yml')), ['update']), /config\.yml is a folder/],
    ['the --answers path is a folder', (dir) => (mkdirSync(join(dir, 'answers.yml')), ['init', ...ML, '--answers', 'answers.yml']), /--answers .*answers\.yml is a folder/],
    ['the target is a file', (dir) => (writeFile(dir, 'target', 'x'), ['init', 'target', ...ML]), /target is a file; Scaffold sets up a project in a folder/],
    ['.scaffold/overlays is a file', (dir) => (writeFile(dir, '.scaffold/overlays', 'x'), ['update']), /overlays is a file/],
    ['the lock is a folder', (dir) => (changeAnswer(dir), mkdirSync(join(dir, '.scaffold/lock')), ['update']), /lock is a folder/],
    ['a YAML alias bomb', (dir) => (writeFile(dir, 'bomb.yml', `a: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n')}\n`), ['init', ...ML, '--answers', 'bomb.yml']), /resource exhaustion/],
    ["an overlay adding another type's entry", (dir) => (writeFile(dir, '.scaffold/overlays/x.yml', 'knowledge: { add: [library-security] }\n'), ['update']), /is for library projects, and this project is ml/],
    ['a loop of symbolic links', (dir) => (rmSync(join(dir, 'docs'), { recursive: true }), symlinkSync('docs', join(dir, 'docs')), ['update']), /\(ELOOP\): too many levels of symbolic links/],
    ['config.yml that is not UTF-8', (dir) => (writeFileSync(join(dir, '.scaffold/config.yml'), Buffer.concat([readFileSync(join(dir, '.scaffold/config.yml')), Buffer.from('# caf\xe9\n', 'latin1')])), ['update']), /config\.yml:\d+: not UTF-8 text/],
  ];
  it.each(cases)('%s', (_, make, message) => {
    const dir = initProject();
    const args = make(dir);
    const run = cli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, '.scaffold/lock')) && !statSync(join(dir, '.scaffold/lock')).isDirectory()).toBe(false);
  });
});
