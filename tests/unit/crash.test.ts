/**
 * What a crash can leave of the files Scaffold does not flush one by one, and the next run
 * repairing them. A file that holds nothing but Scaffold's render is written without its own
 * fsync (apply.ts): the records, flushed, keep its text. If the power goes before its bytes reach
 * the disk, it may be short, empty or hold zero bytes where its data was; the next run writes it
 * again, and never takes a person's edit for such damage (decide.ts, damagedByCrash).
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../src/render/file-plan.js';
import { realDisk, type DiskOps } from '../../src/sync/disk-ops.js';
import { tempOf } from '../../src/sync/paths.js';
import { readRecords } from '../../src/sync/records.js';
import { syncProject, type SyncRequest } from '../../src/sync/sync.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const V1 = 'title\n\nline one\nline two\nline three\n';
const V2 = 'title\n\nline one\nline two (improved)\nline three\n';
const file = (path: string, content: string, policy: PlannedFile['policy'] = 'managed'): PlannedFile => ({ path, content, policy, source: 'test' });
const guide = (content: string) => file('docs/guide.md', content);

async function run(dir: string, files: PlannedFile[], extra: Partial<SyncRequest> = {}) {
  const outcome = await syncProject({ projectDir: dir, files, version: '1.0.0', force: false, restore: [], write: true, ...extra });
  return Object.fromEntries(outcome.changes.map((c) => [c.path, { action: c.action, reason: c.reason }]));
}

/** A render longer than a few 4 KiB blocks. */
const LONG = Array.from({ length: 400 }, (_, i) => `line ${i}: what the guide says\n`).join('');

/** What the power going leaves of a file whose bytes had not all reached the disk. */
type Damage = (bytes: string) => string;
const empty: Damage = () => '';
const zeros: Damage = (bytes) => bytes.slice(0, 8) + '\0'.repeat(bytes.length - 8);
const atABlock: Damage = (bytes) => bytes.slice(0, 4096);
/** Not what a file system leaves: no zeros, not at a block (a person's cut looks like this). */
const half: Damage = (bytes) => bytes.slice(0, bytes.length >> 1);

/**
 * Wait until a file changed now gets a later change time than `path` (whose modification is no
 * later than its change). File systems stamp times from a clock that moves in ticks (4 ms on many
 * Linux machines). A run that commits within the tick it staged its manifest in leaves no window
 * to tell its files by (records.ts, lastWrites), and a person's edit and a run are further apart
 * than a tick: a real run's flush takes about one, a test's run and edits may not.
 */
function tickPast(path: string): void {
  const probe = join(dirname(path), '.tick');
  const then = statSync(path, { bigint: true }).ctimeNs;
  for (;;) {
    writeFileSync(probe, '');
    const now = statSync(probe, { bigint: true }).ctimeNs;
    rmSync(probe);
    if (now > then) return;
  }
}

/**
 * A disk on which the power goes after the run: every file created without a flush keeps only
 * what `damage` leaves of it (a flushed file keeps all of its bytes). With `dieAt`, the run also
 * dies at that rename, and nothing after it reaches the disk.
 */
function powerCut(damage: Damage, dieAt?: string): DiskOps & { unflushed: string[]; flushed: string[] } {
  let dead = false;
  const unflushed: string[] = [];
  const flushed: string[] = [];
  const alive = <A extends unknown[], R>(op: (...args: A) => R) => (...args: A): R | undefined => (dead ? undefined : op(...args));
  return {
    ...realDisk,
    unflushed,
    flushed,
    create: alive((path: string, data, mode, flush = true) => {
      if (!flush) unflushed.push(path);
      realDisk.create(path, !flush && typeof data === 'string' ? damage(data) : data, mode, flush);
    }),
    flush: async (paths) => {
      if (dead) return;
      flushed.push(...paths);
      await realDisk.flush(paths);
    },
    rename: alive((from: string, to: string) => {
      if (dieAt && to.endsWith(dieAt)) {
        dead = true;
        throw new Error('the power went');
      }
      if (to.endsWith('manifest.json')) tickPast(from);
      realDisk.rename(from, to);
    }),
    unlink: alive(realDisk.unlink),
    rmdir: alive(realDisk.rmdir),
    mkdir: alive(realDisk.mkdir),
    link: alive(realDisk.link),
  } as DiskOps & { unflushed: string[]; flushed: string[] };
}

describe('a crash after a run', () => {
  for (const [name, damage] of [['empty', empty], ['with zero bytes for its data', zeros], ['cut at a 4 KiB block', atABlock]] as const) {
    it(`leaves a file ${name}, which the next run writes again and says why`, async () => {
      const dir = tempDir();
      const disk = powerCut(damage);
      expect((await run(dir, [guide(LONG)], { disk }))['docs/guide.md']!.action).toBe('create');
      expect(disk.unflushed).toEqual([join(dir, 'docs/.guide.md.scaffold-tmp')]);
      expect(readFile(dir, 'docs/guide.md')).toBe(damage(LONG));
      // `update --check` calls it out of date; the next run repairs it.
      const looked = (await run(dir, [guide(LONG)], { write: false }))['docs/guide.md']!;
      expect(looked.action).toBe('update');
      expect(looked.reason).toMatch(/damaged by a crash after Scaffold wrote it/);
      expect((await run(dir, [guide(LONG)]))['docs/guide.md']!.action).toBe('update');
      expect(readFile(dir, 'docs/guide.md')).toBe(LONG);
      expect((await run(dir, [guide(LONG)]))['docs/guide.md']!.action).toBe('unchanged');
    });
  }

  it('leaves a file merely shorter as it is: a person could have cut it so', async () => {
    const dir = tempDir();
    await run(dir, [guide(LONG)], { disk: powerCut(half) });
    expect((await run(dir, [guide(LONG)]))['docs/guide.md']!.action).toBe('keep');
    expect(readFile(dir, 'docs/guide.md')).toBe(half(LONG));
  });

  it('leaves a seed or a new file with a block zero-filled, which the next run writes again', async () => {
    const dir = tempDir();
    const files = [file('src/seed.ts', 'export const answer = 42;\n', 'seed'), file('AGENTS.md', 'Run the tests before you commit.\n', 'block')];
    await run(dir, files, { disk: powerCut(zeros) });
    expect(readFile(dir, 'AGENTS.md')).toContain('\0');
    expect(await run(dir, files)).toMatchObject({ 'src/seed.ts': { action: 'update' }, 'AGENTS.md': { action: 'update' } });
    // As a run the power never stopped leaves them.
    const clean = tempDir();
    await run(clean, files);
    for (const path of ['src/seed.ts', 'AGENTS.md']) expect(readFile(dir, path), path).toBe(readFile(clean, path));
  });

  it('is repaired with the new render when a release changed the file meanwhile', async () => {
    const dir = tempDir();
    await run(dir, [guide(V1)], { disk: powerCut(zeros) });
    expect((await run(dir, [guide(V2)]))['docs/guide.md']!.action).toBe('update');
    expect(readFile(dir, 'docs/guide.md')).toBe(V2);
  });

  it('is recognised again after a repair that changed nothing else: that run commits its records too', async () => {
    const dir = tempDir();
    await run(dir, [guide(V1)], { disk: powerCut(zeros) });
    // The repair's own write is not flushed either, and the power goes again.
    const again = powerCut(empty);
    expect((await run(dir, [guide(V1)], { disk: again }))['docs/guide.md']!.action).toBe('update');
    expect(again.unflushed).toEqual([join(dir, 'docs/.guide.md.scaffold-tmp')]);
    expect(readFile(dir, 'docs/guide.md')).toBe('');
    const manifest = statSync(join(dir, '.scaffold/manifest.json'), { bigint: true });
    const changed = statSync(join(dir, 'docs/guide.md'), { bigint: true }).ctimeNs;
    expect(manifest.mtimeNs <= changed && changed <= manifest.ctimeNs).toBe(true);
    expect((await run(dir, [guide(V1)]))['docs/guide.md']!.action).toBe('update');
    expect(readFile(dir, 'docs/guide.md')).toBe(V1);
  });

  it('during the run, before its records were committed, is repaired by the next run', async () => {
    const dir = tempDir();
    await expect(run(dir, [guide(V1)], { disk: powerCut(zeros, 'manifest.json') })).rejects.toThrow(/the power went/);
    expect(readFile(dir, 'docs/guide.md')).toBe(zeros(V1));
    expect(exists(dir, '.scaffold/.manifest.json.scaffold-tmp')).toBe(true);
    const repaired = (await run(dir, [guide(V1)]))['docs/guide.md']!;
    expect(repaired).toMatchObject({ action: 'update', reason: expect.stringMatching(/crash/) });
    expect(readFile(dir, 'docs/guide.md')).toBe(V1);
    expect(exists(dir, '.scaffold/.manifest.json.scaffold-tmp')).toBe(false);
  });
});

describe('a crash after the commit, before base.json.next became base.json', () => {
  it('leaves the new bases where the next run finds them: it merges with them and finishes', async () => {
    const dir = tempDir();
    // Against V2's base (the right one) taking back V2's change is the release's; against V1's it would look like the person's.
    const V3 = V1.replace('title', 'the title, revised');
    await run(dir, [guide(V1)]);
    writeFile(dir, 'docs/guide.md', `${V1}my own note\n`);
    // That rename is not flushed: the power goes after it was asked for, and it is lost.
    await expect(run(dir, [guide(V2)], { disk: powerCut((bytes) => bytes, '/.scaffold/base.json') })).rejects.toThrow(/the power went/);
    expect(exists(dir, '.scaffold/base.json.next')).toBe(true);
    expect(JSON.parse(readFile(dir, '.scaffold/base.json'))['docs/guide.md']).toBe(V1);
    expect((await run(dir, [guide(V3)]))['docs/guide.md']!.action).toBe('merge');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${V3}my own note\n`);
    expect(exists(dir, '.scaffold/base.json.next')).toBe(false);
    expect(JSON.parse(readFile(dir, '.scaffold/base.json'))['docs/guide.md']).toBe(V3);
  });
});

describe('when a run put its files in place', () => {
  it("is told by the manifest it renamed into place, and by no manifest a checkout or a copy wrote", async () => {
    const dir = tempDir();
    await run(dir, [guide(V1)], { disk: powerCut((bytes) => bytes) });
    const { committed } = readRecords(dir, '1.0.0', []).lastWrites();
    const changed = statSync(join(dir, 'docs/guide.md'), { bigint: true }).ctimeNs;
    expect(committed && committed.from <= changed && changed <= committed.to).toBe(true);
    // git checks the manifest out by writing it where it stands, and many files in the same tick.
    writeFile(dir, '.scaffold/manifest.json', readFile(dir, '.scaffold/manifest.json'));
    expect(readRecords(dir, '1.0.0', []).lastWrites().committed).toBeUndefined();
  });
});

describe("a person's edit", () => {
  it('that cuts a file after the run is theirs, not damage', async () => {
    const dir = tempDir();
    await run(dir, [guide(V1)]);
    tickPast(join(dir, '.scaffold/manifest.json'));
    writeFile(dir, 'docs/guide.md', V1.slice(0, 12));
    expect((await run(dir, [guide(V1)]))['docs/guide.md']!.action).toBe('keep');
    expect(readFile(dir, 'docs/guide.md')).toBe(V1.slice(0, 12));
  });

  it('that empties a file after the run, as a crash could, is theirs too: it came after the commit', async () => {
    const dir = tempDir();
    await run(dir, [guide(V1)]);
    tickPast(join(dir, '.scaffold/manifest.json'));
    writeFile(dir, 'docs/guide.md', '');
    expect((await run(dir, [guide(V1)]))['docs/guide.md']!.action).toBe('keep');
    expect(readFile(dir, 'docs/guide.md')).toBe('');
  });

  it('that cut a file before a run which wrote other files stays theirs in the runs after it', async () => {
    const dir = tempDir();
    const other = (content: string) => file('docs/other.md', content);
    await run(dir, [guide(V1), other(V1)]);
    tickPast(join(dir, '.scaffold/manifest.json'));
    writeFile(dir, 'docs/guide.md', '');
    tickPast(join(dir, 'docs/guide.md'));
    // This run writes other.md and commits its records after the person's cut.
    expect(await run(dir, [guide(V1), other(V2)])).toMatchObject({ 'docs/guide.md': { action: 'keep' }, 'docs/other.md': { action: 'update' } });
    expect((await run(dir, [guide(V1), other(V2)]))['docs/guide.md']!.action).toBe('keep');
    expect(readFile(dir, 'docs/guide.md')).toBe('');
  });

  it('that holds anything but the render\'s bytes and zeros is never taken for damage', async () => {
    const dir = tempDir();
    await expect(run(dir, [guide(LONG)], { disk: powerCut(empty, 'manifest.json') })).rejects.toThrow();
    // Between the crash and the next run, the person writes into the file: 4 KiB of the render and a line of their own.
    tickPast(join(dir, 'docs/guide.md'));
    writeFile(dir, 'docs/guide.md', `${atABlock(LONG)}my own line\n`);
    expect((await run(dir, [guide(LONG)]))['docs/guide.md']!.action).toBe('skip');
    expect(readFile(dir, 'docs/guide.md')).toBe(`${atABlock(LONG)}my own line\n`);
  });
});

describe('what is flushed before the records are committed', () => {
  it('is every file that holds what no run can write again, and the records; not a render alone', async () => {
    const dir = tempDir();
    writeFile(dir, 'docs/styled.md', V1.replaceAll('\n', '\r\n'));
    const disk = powerCut((bytes) => bytes);
    const files = [guide(V1), file('src/seed.ts', 'export {};\n', 'seed'), file('AGENTS.md', 'rules\n', 'block'), file('.scaffold/config.yml', 'answers: 1\n', 'config'), file('docs/styled.md', V2)];
    await run(dir, files, { disk, force: true });
    const temp = (path: string) => tempOf(join(dir, path));
    // New files that hold only the render: a managed file, a seed, a block in a new file.
    expect(disk.unflushed.sort()).toEqual([temp('AGENTS.md'), temp('docs/guide.md'), temp('src/seed.ts')]);
    // The answers, a file in the person's CRLF style and the copy --force keeps of theirs, the records.
    for (const path of ['.scaffold/config.yml', 'docs/styled.md', '.scaffold/base.json.next', '.scaffold/manifest.json']) expect(disk.flushed).toContain(temp(path));
    expect(disk.flushed).toContain(join(dir, 'docs/styled.md.orig'));
    // The folders, so that the renames into them are on disk before the records say so.
    expect(disk.flushed).toContain(join(dir, 'docs'));
  });
});
