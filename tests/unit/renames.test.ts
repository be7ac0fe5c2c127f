/**
 * Renames between releases at the sync level: the person's edits follow a renamed file, chains
 * of renames are followed, and a run killed at any step of a rename is finished by the next one,
 * leaving exactly what an uninterrupted run leaves.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renamesBetween, type Rename } from '../../src/catalog/renames.js';
import type { PlannedFile } from '../../src/render/file-plan.js';
import { syncProject } from '../../src/sync/sync.js';
import { faultyDisk, Killed } from '../helpers/faults.js';
import { tempDir, writeFile } from '../helpers/project.js';

const v1: PlannedFile[] = [
  { path: 'docs/old.md', content: '# Guide\n\nStep one.\nStep two.\n', policy: 'managed', source: 't' },
  { path: 'keep.md', content: 'kept\n', policy: 'managed', source: 't' },
];
const v2: PlannedFile[] = [
  { path: 'docs/new.md', content: '# Guide\n\nStep one.\nStep two.\nStep three.\n', policy: 'managed', source: 't' },
  { path: 'keep.md', content: 'kept\n', policy: 'managed', source: 't' },
];
const RENAMES: Rename[] = [{ version: '2.0.0', from: 'docs/old.md', to: 'docs/new.md' }];

const run = (dir: string, files: PlannedFile[], version: string, disk?: ReturnType<typeof faultyDisk>) =>
  syncProject({ projectDir: dir, files, version, renames: () => RENAMES, force: false, restore: [], write: true, disk });

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
}

async function edited(): Promise<string> {
  const dir = tempDir();
  await run(dir, v1, '1.0.0');
  writeFile(dir, 'docs/old.md', '# Guide\n\nOur intro.\n\nStep one.\nStep two.\n');
  return dir;
}

describe('renames', () => {
  it('follow chains across releases, and only those since the last run', () => {
    const chain: Rename[] = [
      { version: '1.1.0', from: 'a.md', to: 'b.md' },
      { version: '1.2.0', from: 'b.md', to: 'c.md' },
      { version: '2.0.0', from: 'x.md', to: 'y.md' },
    ];
    expect([...renamesBetween(chain, '1.0.0', '1.2.0')]).toEqual([['a.md', 'c.md'], ['b.md', 'c.md']]);
    expect([...renamesBetween(chain, '1.1.0', '2.0.0')]).toEqual([['b.md', 'c.md'], ['x.md', 'y.md']]);
    expect([...renamesBetween(chain, '2.0.0', '2.0.0')]).toEqual([]);
  });

  it("move the person's edits with the file and merge the new version in", async () => {
    const dir = await edited();
    const outcome = await run(dir, v2, '2.0.0');
    expect(outcome.changes.find((c) => c.path === 'docs/old.md')).toMatchObject({ action: 'rename' });
    expect(contents(dir)['docs/new.md']).toBe('# Guide\n\nOur intro.\n\nStep one.\nStep two.\nStep three.\n');
    expect(contents(dir)['docs/old.md']).toBeUndefined();
    // A second run finds nothing to do.
    expect((await run(dir, v2, '2.0.0')).wrote).toBe(false);
  });

  it('killed at any step, are finished by the next run exactly as an uninterrupted run', async () => {
    const start = await edited();
    const probe = tempDir();
    cpSync(start, probe, { recursive: true });
    const counting = faultyDisk(Infinity, 'kill');
    await run(probe, v2, '2.0.0', counting);
    const uninterrupted = contents(probe);
    expect(counting.steps).toBeGreaterThan(4);
    for (let n = 1; n <= counting.steps; n++) {
      const dir = tempDir();
      cpSync(start, dir, { recursive: true });
      await expect(run(dir, v2, '2.0.0', faultyDisk(n, 'kill')), `step ${n}`).rejects.toBeInstanceOf(Killed);
      await run(dir, v2, '2.0.0');
      expect(contents(dir), `step ${n}`).toEqual(uninterrupted);
    }
  });
});
