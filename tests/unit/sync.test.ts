/** The sync table of DESIGN.md §6, row by row, plus the safety rules around it. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashText } from '../../src/content-hash.js';
import type { PlannedFile } from '../../src/render/file-plan.js';
import { syncProject, type SyncRequest } from '../../src/sync/sync.js';
import { LOCK_FILE } from '../../src/project-files.js';
import { realDisk, type DiskOps } from '../../src/sync/disk-ops.js';
import { acquireLock } from '../../src/sync/lock.js';
import { bytesOf } from '../../src/sync/text.js';
import { upToDate } from '../../src/sync/up-to-date.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const doc = (content: string, policy: PlannedFile['policy'] = 'managed'): PlannedFile => ({
  path: 'docs/guide.md',
  content,
  policy,
  source: 'test',
});

async function run(dir: string, files: PlannedFile[], extra: Partial<SyncRequest> = {}) {
  const outcome = await syncProject({ projectDir: dir, files, version: '1.0.0', force: false, restore: [], write: true, ...extra });
  return { ...outcome, actions: Object.fromEntries(outcome.changes.map((c) => [c.path, c.action])) };
}

/** The base Scaffold keeps for `path`: what it last wrote there. */
const baseOf = (dir: string, path: string): string | undefined => JSON.parse(readFile(dir, '.scaffold/base.json'))[path];

const V1 = 'title\n\nline one\nline two\nline three\n';
const V2 = 'title\n\nline one\nline two (improved)\nline three\n';

describe('sync', () => {
  it('creates a file that is missing and not in the manifest, and records it', async () => {
    const dir = tempDir();
    expect((await run(dir, [doc(V1)])).actions).toEqual({ 'docs/guide.md': 'create' });
    expect(readFile(dir, 'docs/guide.md')).toBe(V1);
    expect(baseOf(dir, 'docs/guide.md')).toBe(V1);
    expect(JSON.parse(readFile(dir, '.scaffold/manifest.json')).files['docs/guide.md'].policy).toBe('managed');
  });

  it('writes nothing at all on a clean re-run', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    const again = (await run(dir, [doc(V1)]));
    expect(again.actions).toEqual({ 'docs/guide.md': 'unchanged' });
    expect(again.wrote).toBe(false);
    expect(exists(dir, LOCK_FILE)).toBe(false);
  });

  it('updates a file the person has not touched when the render changes', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    expect((await run(dir, [doc(V2)])).actions['docs/guide.md']).toBe('update');
    expect(readFile(dir, 'docs/guide.md')).toBe(V2);
    expect(baseOf(dir, 'docs/guide.md')).toBe(V2);
  });

  it('keeps the person\'s edits when the render did not change', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    writeFile(dir, 'docs/guide.md', `${V1}my own note\n`);
    expect((await run(dir, [doc(V1)])).actions['docs/guide.md']).toBe('keep');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V1}my own note\n`);
  });

  it('merges the person\'s edits with a changed render when they do not overlap', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    writeFile(dir, 'docs/guide.md', `${V1}my own note\n`);
    const result = (await run(dir, [doc(V2)]));
    expect(result.actions['docs/guide.md']).toBe('merge');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V2}my own note\n`);
    // The merged file still counts as edited: the next render change merges again.
    const V3 = V2.replace('title', 'new title');
    expect((await run(dir, [doc(V3)])).actions['docs/guide.md']).toBe('merge');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V3}my own note\n`);
  });

  it('finds a base in base.json however the file is laid out: as written, on one line, CRLF, keys escaped', async () => {
    const other = { path: 'docs/other.md', content: 'other\n', policy: 'managed' as const, source: 'test' };
    const layouts: Record<string, (text: string) => string> = {
      'as written': (text) => text,
      'on one line': (text) => JSON.stringify(JSON.parse(text)),
      'with CRLF': (text) => text.replace(/\n/g, '\r\n'),
      'keys escaped': (text) => text.replace(/docs\/guide/g, 'docs\\/guide'),
    };
    for (const [name, layout] of Object.entries(layouts)) {
      const dir = tempDir();
      (await run(dir, [doc(V1), other]));
      writeFile(dir, '.scaffold/base.json', layout(readFile(dir, '.scaffold/base.json')));
      writeFile(dir, 'docs/guide.md', `${V1}my own note\n`);
      const result = await run(dir, [doc(V2), other]);
      expect(result.actions['docs/guide.md'], name).toBe('merge');
      expect(readFile(dir, 'docs/guide.md'), name).toBe(`${V2}my own note\n`);
    }
  });

  it('merges against a base kept the old way, one file under .scaffold/base/, then moves it into base.json', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    // A project set up by Scaffold 0.1: same manifest, bases as files.
    rmSync(join(dir, '.scaffold/base.json'));
    writeFile(dir, '.scaffold/base/docs/guide.md', V1);
    writeFile(dir, 'docs/guide.md', `${V1}my own note\n`);
    expect((await run(dir, [doc(V2)])).actions['docs/guide.md']).toBe('merge');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V2}my own note\n`);
    expect(baseOf(dir, 'docs/guide.md')).toBe(V2);
    expect(exists(dir, '.scaffold/base')).toBe(false);
  });

  it('keeps bases so that git merges two branches that changed different files without a conflict', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => {
      const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}${result.stdout}`);
    };
    const files = (a: string, b: string) => [doc(a), { ...doc(b), path: 'docs/other.md' }];
    (await run(dir, files(V1, V1)));
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'init');
    git('checkout', '-qb', 'one');
    (await run(dir, files(V2, V1)));
    git('commit', '-qam', 'guide changed');
    git('checkout', '-q', 'main');
    (await run(dir, files(V1, V2)));
    git('commit', '-qam', 'other changed');
    git('merge', '-q', 'one', '-m', 'merge');
    expect(baseOf(dir, 'docs/guide.md')).toBe(V2);
    expect(baseOf(dir, 'docs/other.md')).toBe(V2);
  });

  it('writes conflict markers when both changed the same line, and refuses to go on until they are resolved', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    writeFile(dir, 'docs/guide.md', V1.replace('line two', 'line two, my way'));
    const result = (await run(dir, [doc(V2)]));
    expect(result.actions['docs/guide.md']).toBe('conflict');
    const text = readFile(dir, 'docs/guide.md');
    expect(text).toContain('<<<<<<< yours\nline two, my way\n=======\nline two (improved)\n>>>>>>> scaffold 1.0.0');
    expect((await run(dir, [doc(V2)])).actions['docs/guide.md']).toBe('conflict');
    expect(readFile(dir, 'docs/guide.md')).toBe(text);
    // Resolved: the person's resolution is kept from now on.
    writeFile(dir, 'docs/guide.md', V2.replace('(improved)', '(improved, my way)'));
    expect((await run(dir, [doc(V2)])).actions['docs/guide.md']).toBe('keep');
  });

  it('never merges against a base copy that is not what Scaffold last wrote: it marks each difference once', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    writeFile(dir, 'docs/guide.md', `${V1}mine\n`);
    writeFile(dir, '.scaffold/base.json', JSON.stringify({ 'docs/guide.md': 'torn' }));
    const result = (await run(dir, [doc(V2)]));
    expect(result.actions['docs/guide.md']).toBe('conflict');
    expect(result.changes[0]!.reason).toContain('the version both started from is missing from .scaffold/base.json');
    // Every line survives: what both have once, and each difference between markers.
    const marked = readFile(dir, 'docs/guide.md');
    expect(marked).toContain('<<<<<<< yours\nline two\n=======\nline two (improved)\n>>>>>>> scaffold 1.0.0');
    expect(marked).toContain('<<<<<<< yours\nmine\n=======\n>>>>>>> scaffold 1.0.0');
    // Resolved once, the file is the person's edit of the new version, as after any conflict.
    writeFile(dir, 'docs/guide.md', `${V2}mine\n`);
    expect((await run(dir, [doc(V2)])).actions['docs/guide.md']).toBe('keep');
    expect(baseOf(dir, 'docs/guide.md')).toBe(V2);
  });

  it('skips a file Scaffold did not write, and --force replaces it keeping a .orig copy', async () => {
    const dir = tempDir();
    writeFile(dir, 'docs/guide.md', 'mine\n');
    expect((await run(dir, [doc(V1)])).actions['docs/guide.md']).toBe('skip');
    expect(readFile(dir, 'docs/guide.md')).toBe('mine\n');
    expect((await run(dir, [doc(V1)], { force: true })).actions['docs/guide.md']).toBe('update');
    expect(readFile(dir, 'docs/guide.md')).toBe(V1);
    expect(readFile(dir, 'docs/guide.md.orig')).toBe('mine\n');
  });

  it('creates a seed file once and never touches it again', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1, 'seed')]));
    writeFile(dir, 'docs/guide.md', 'rewritten by the person\n');
    expect((await run(dir, [doc(V2, 'seed')])).actions['docs/guide.md']).toBe('unchanged');
    expect(readFile(dir, 'docs/guide.md')).toBe('rewritten by the person\n');
    expect(baseOf(dir, 'docs/guide.md')).toBeUndefined();
  });

  it('deletes a file no longer rendered when unchanged, and keeps it when edited', async () => {
    const dir = tempDir();
    const other = { ...doc(V1), path: 'docs/other.md' };
    (await run(dir, [doc(V1), other]));
    writeFile(dir, 'docs/other.md', `${V1}edited\n`);
    const result = (await run(dir, []));
    expect(result.actions).toEqual({ 'docs/guide.md': 'delete', 'docs/other.md': 'keep' });
    expect(exists(dir, 'docs/guide.md')).toBe(false);
    expect(baseOf(dir, 'docs/guide.md')).toBeUndefined();
    expect(baseOf(dir, 'docs/other.md')).toBe(V1);
    expect(readFile(dir, 'docs/other.md')).toBe(`${V1}edited\n`);
    expect((await run(dir, [])).wrote).toBe(false);
  });

  it('merges a kept file with the new render when it is selected again', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    writeFile(dir, 'docs/guide.md', `${V1}mine\n`);
    expect((await run(dir, [])).actions['docs/guide.md']).toBe('keep');
    const back = (await run(dir, [doc(V2)]));
    expect(back.actions['docs/guide.md']).toBe('merge');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V2}mine\n`);
  });

  it('leaves a generated file the person deleted deleted, until --restore', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    rmSync(join(dir, 'docs/guide.md'));
    const first = (await run(dir, [doc(V2)]));
    expect(first.actions['docs/guide.md']).toBe('keep');
    expect(first.changes[0]!.reason).toContain('scaffold update --restore docs/guide.md');
    expect((await run(dir, [doc(V2)])).wrote).toBe(false);
    expect(exists(dir, 'docs/guide.md')).toBe(false);
    expect((await run(dir, [doc(V2)], { restore: ['docs/guide.md'] })).actions['docs/guide.md']).toBe('create');
    expect(readFile(dir, 'docs/guide.md')).toBe(V2);
  });

  it('keeps CRLF line endings and a BOM the person chose, without a whole-file conflict', async () => {
    const dir = tempDir();
    (await run(dir, [doc(V1)]));
    writeFile(dir, 'docs/guide.md', `\ufeff${V1.replace(/\n/g, '\r\n')}`);
    expect((await run(dir, [doc(V1)])).actions['docs/guide.md']).toBe('unchanged');
    expect((await run(dir, [doc(V2)])).actions['docs/guide.md']).toBe('update');
    expect(readFile(dir, 'docs/guide.md')).toBe(`\ufeff${V2.replace(/\n/g, '\r\n')}`);
    writeFile(dir, 'docs/guide.md', `\ufeff${(V2 + 'mine\n').replace(/\n/g, '\r\n')}`);
    expect((await run(dir, [doc(V1)])).actions['docs/guide.md']).toBe('merge');
    expect(readFile(dir, 'docs/guide.md')).toBe(`\ufeff${(V1 + 'mine\n').replace(/\n/g, '\r\n')}`);
  });

  it('finishes the job of a run that died after writing some files but before the manifest', async () => {
    const dir = tempDir();
    const a = { ...doc(V1), path: 'a.md' };
    const b = { ...doc(V1), path: 'b.md' };
    // The interrupted run wrote a.md, then died: no manifest, no b.md.
    writeFile(dir, 'a.md', V1);
    const result = (await run(dir, [a, b]));
    expect(result.actions).toEqual({ 'a.md': 'unchanged', 'b.md': 'create' });
    expect(Object.keys(JSON.parse(readFile(dir, '.scaffold/manifest.json')).files)).toEqual(['a.md', 'b.md']);
    expect((await run(dir, [a, b])).wrote).toBe(false);
  });

  it('stages over a temp file that a run which died left after this one looked for leftovers', async () => {
    const dir = tempDir();
    const stale = join(dir, 'docs/.guide.md.scaffold-tmp');
    let planted = false;
    const disk: DiskOps = {
      ...realDisk,
      create(path, data, mode) {
        if (path === stale && !planted) {
          planted = true;
          writeFileSync(path, 'half a file from a run that died');
        }
        realDisk.create(path, data, mode);
      },
    };
    expect((await run(dir, [doc(V1)], { disk })).actions).toEqual({ 'docs/guide.md': 'create' });
    expect(planted).toBe(true);
    expect(readFile(dir, 'docs/guide.md')).toBe(V1);
    expect(exists(dir, 'docs/.guide.md.scaffold-tmp')).toBe(false);
  });

  it('goes on when another run makes .scaffold/ between the look and the mkdir', async () => {
    const dir = tempDir();
    let raced = false;
    const disk: DiskOps = {
      ...realDisk,
      mkdir(path) {
        if (path === join(dir, '.scaffold') && !raced) {
          raced = true;
          mkdirSync(path);
        }
        realDisk.mkdir(path);
      },
    };
    expect((await run(dir, [doc(V1)], { disk })).actions).toEqual({ 'docs/guide.md': 'create' });
    expect(raced).toBe(true);
    expect(readFile(dir, 'docs/guide.md')).toBe(V1);
    expect(exists(dir, LOCK_FILE)).toBe(false);
  });

  it('stops a second run while another holds the lock, and takes over a stale lock', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.scaffold'));
    const { release } = acquireLock(dir, realDisk);
    await expect(run(dir, [doc(V1)])).rejects.toThrow(/another scaffold run \(pid \d+\) is updating this project/);
    expect(exists(dir, 'docs/guide.md')).toBe(false);
    release();
    writeFile(dir, LOCK_FILE, '999999999\n');
    expect((await run(dir, [doc(V1)])).actions['docs/guide.md']).toBe('create');
    expect(exists(dir, LOCK_FILE)).toBe(false);
  });

  it("leaves another run's lock file that is created but not yet written, and clears one left by a run that died", () => {
    // disk.create makes a file empty, then writes it: a run taking the lock at that moment must
    // not take the empty file for a dead run's (ten runs at once once lost their own file so).
    const dir = tempDir();
    mkdirSync(join(dir, '.scaffold'));
    writeFile(dir, `${LOCK_FILE}.123-being-written`, '');
    writeFile(dir, `${LOCK_FILE}.456-left-empty`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, `${LOCK_FILE}.456-left-empty`), old, old);
    const { release } = acquireLock(dir, realDisk);
    release();
    expect(exists(dir, `${LOCK_FILE}.123-being-written`)).toBe(true);
    expect(exists(dir, `${LOCK_FILE}.456-left-empty`)).toBe(false);
  });

  it('refuses paths that leave the project, and writes nothing when one is refused', async () => {
    const dir = tempDir();
    const outside = tempDir();
    mkdirSync(join(dir, 'docs'));
    symlinkSync(outside, join(dir, 'linked'));
    for (const path of ['../escape.md', '/etc/escape.md', 'linked/escape.md']) {
      await expect(run(dir, [doc(V1), { ...doc(V1), path }])).rejects.toThrow(/refusing to write/);
    }
    expect(exists(dir, 'docs/guide.md')).toBe(false);
    expect(exists(outside, 'escape.md')).toBe(false);
  });

  it('does not write through a symlinked file that points outside', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'target.md'), 'outside\n');
    mkdirSync(join(dir, 'docs'));
    symlinkSync(join(outside, 'target.md'), join(dir, 'docs/guide.md'));
    await expect(run(dir, [doc(V1)], { force: true })).rejects.toThrow(/leads outside the project/);
    expect(readFile(outside, 'target.md')).toBe('outside\n');
  });

  it('--dry-run and --check report what would change and write nothing', async () => {
    const dir = tempDir();
    const result = (await run(dir, [doc(V1)], { write: false }));
    expect(result.actions['docs/guide.md']).toBe('create');
    expect(exists(dir, 'docs/guide.md')).toBe(false);
    expect(exists(dir, '.scaffold')).toBe(false);
  });
});

describe('records of manifest version 1, hashed with SHA-256', () => {
  /** The project as a Scaffold before manifest version 2 left it: the same records, SHA-256 hashes. */
  function asVersion1(dir: string): void {
    const sha256 = (bytes: string) => createHash('sha256').update(bytes, 'latin1').digest('hex');
    const manifest = JSON.parse(readFile(dir, '.scaffold/manifest.json'));
    const bases = JSON.parse(readFile(dir, '.scaffold/base.json')) as Record<string, string>;
    manifest.version = 1;
    manifest.inputsHash = sha256('inputs');
    for (const [path, record] of Object.entries(manifest.files as Record<string, { hash?: string; sha256?: string; written?: string }>)) {
      delete record.hash;
      record.sha256 = sha256(bytesOf(bases[path] ?? readFile(dir, path)));
      record.written = sha256(readFileSync(join(dir, path), 'latin1'));
    }
    writeFile(dir, '.scaffold/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const other = (content: string): PlannedFile => ({ path: 'docs/other.md', content, policy: 'managed', source: 'test' });

  it('keeps the person\'s edits and updates what they left alone, then writes version 2', async () => {
    const dir = tempDir();
    await run(dir, [doc(V1), other('other\n')]);
    asVersion1(dir);
    writeFile(dir, 'docs/guide.md', `${V1}my own note\n`);
    expect(upToDate(dir)).toBeUndefined();
    const result = await run(dir, [doc(V2), other('other, improved\n')]);
    expect(result.actions).toMatchObject({ 'docs/guide.md': 'merge', 'docs/other.md': 'update' });
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V2}my own note\n`);
    expect(readFile(dir, 'docs/other.md')).toBe('other, improved\n');
    const manifest = JSON.parse(readFile(dir, '.scaffold/manifest.json'));
    expect(manifest.version).toBe(2);
    expect(manifest.files['docs/other.md']).toMatchObject({ hash: hashText('other, improved\n'), written: hashText('other, improved\n') });
    expect(readFile(dir, '.scaffold/manifest.json')).not.toContain('sha256');
    // The merged file still counts as edited, by the new hash.
    expect((await run(dir, [doc(V2), other('other, improved\n')])).actions).toMatchObject({ 'docs/guide.md': 'keep', 'docs/other.md': 'unchanged' });
  });

  it('tells files as Scaffold left them from edited ones when nothing else changed', async () => {
    const dir = tempDir();
    await run(dir, [doc(V1), other('other\n')]);
    asVersion1(dir);
    writeFile(dir, 'docs/other.md', 'other\nmine\n');
    const result = await run(dir, [doc(V1), other('other\n')]);
    expect(result.actions).toMatchObject({ 'docs/guide.md': 'unchanged', 'docs/other.md': 'keep' });
    expect(readFile(dir, 'docs/other.md')).toBe('other\nmine\n');
  });
});

describe('sync of a shared package.json', () => {
  const pkg = (value: object): PlannedFile => ({ path: 'package.json', content: `${JSON.stringify(value, null, 2)}\n`, policy: 'merge-json', source: 'test' });
  const wanted = { scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4.0.0' } };

  it('adds the keys the suites need and never changes the person\'s values', async () => {
    const dir = tempDir();
    writeFile(dir, 'package.json', JSON.stringify({ name: 'mine', scripts: { test: 'jest', build: 'tsc' } }, null, 4));
    const result = (await run(dir, [pkg(wanted)]));
    expect(result.actions['package.json']).toBe('merge');
    expect(result.changes[0]!.reason).toBe('added devDependencies');
    expect(result.warnings).toEqual(['package.json: kept your scripts.test; Scaffold\'s suites expect "vitest run"']);
    const merged = JSON.parse(readFile(dir, 'package.json'));
    expect(merged).toEqual({ name: 'mine', scripts: { test: 'jest', build: 'tsc' }, devDependencies: { vitest: '^4.0.0' } });
    expect(readFile(dir, 'package.json')).toMatch(/^\{\n {4}"name"/);
    expect((await run(dir, [pkg(wanted)])).wrote).toBe(false);
  });

  it('treats a package.json fresh from npm init as defaults, and the same values elsewhere as choices', async () => {
    const npmInit = { name: 'x', version: '1.0.0', main: 'index.js', type: 'commonjs', scripts: { test: 'echo "Error: no test specified" && exit 1' } };
    const ours = { ...wanted, version: '0.1.0', type: 'module', main: './dist/index.js' };
    const fresh = tempDir();
    writeFile(fresh, 'package.json', JSON.stringify(npmInit, null, 2));
    expect((await run(fresh, [pkg(ours)])).warnings).toEqual([]);
    expect(JSON.parse(readFile(fresh, 'package.json'))).toMatchObject({ version: '0.1.0', type: 'module', main: './dist/index.js', scripts: { test: 'vitest run' } });
    const chosen = tempDir();
    writeFile(chosen, 'package.json', JSON.stringify({ ...npmInit, scripts: { test: 'node --test' } }, null, 2));
    const kept = (await run(chosen, [pkg(ours)]));
    expect(JSON.parse(readFile(chosen, 'package.json'))).toMatchObject({ version: '1.0.0', type: 'commonjs', main: 'index.js', scripts: { test: 'node --test' } });
    expect(kept.warnings).toHaveLength(4);
  });

  it('updates a value Scaffold set earlier and the person left alone, and does not re-add a removed key', async () => {
    const dir = tempDir();
    (await run(dir, [pkg(wanted)]));
    const current = JSON.parse(readFile(dir, 'package.json'));
    delete current.scripts.test;
    writeFile(dir, 'package.json', JSON.stringify(current, null, 2));
    (await run(dir, [pkg({ ...wanted, devDependencies: { vitest: '^4.1.0' } })]));
    expect(JSON.parse(readFile(dir, 'package.json'))).toEqual({ scripts: {}, devDependencies: { vitest: '^4.1.0' } });
  });
});
