/** The fast path of `update`: it may only say "up to date" when a full run would change nothing. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtContentFingerprint, builtData } from '../../src/compiled.js';
import { inputsHash } from '../../src/sync/inputs.js';
import { cli } from '../helpers/cli.js';
import type { PlannedFile } from '../../src/render/plan-types.js';
import { syncProject } from '../../src/sync/sync.js';
import { upToDate } from '../../src/sync/up-to-date.js';
import { tempDir, writeFile } from '../helpers/project.js';

const files: PlannedFile[] = [
  { path: 'docs/a.md', content: 'a\n', policy: 'managed', source: 't' },
  { path: 'src/b.py', content: 'b\n', policy: 'seed', source: 't' },
];
const sync = (dir: string, inputsHash = 'inputs-1') =>
  syncProject({ projectDir: dir, files, projectType: 'ml', inputsHash, version: '1.0.0', force: false, restore: [], write: true });

describe('the up-to-date fast path', () => {
  it('answers when the inputs and every managed file are as the last run left them', () => {
    const dir = tempDir();
    sync(dir);
    expect(upToDate(dir, 'inputs-1')).toEqual({
      projectType: 'ml',
      files: [
        { path: 'docs/a.md', source: 't', policy: 'managed' },
        { path: 'src/b.py', source: 't', policy: 'seed' },
      ],
    });
    writeFile(dir, 'src/b.py', 'the person owns seed files\n');
    expect(upToDate(dir, 'inputs-1')?.files).toHaveLength(2);
  });

  it('steps aside when the inputs changed, a file was edited or deleted, or there is no manifest', () => {
    const dir = tempDir();
    expect(upToDate(dir, 'inputs-1')).toBeUndefined();
    sync(dir);
    expect(upToDate(dir, 'inputs-2')).toBeUndefined();
    writeFile(dir, 'docs/a.md', 'a\nmine\n');
    expect(upToDate(dir, 'inputs-1')).toBeUndefined();
    rmSync(join(dir, 'docs/a.md'));
    expect(upToDate(dir, 'inputs-1')).toBeUndefined();
    // Once the full run has recorded the deletion, the fast path applies again.
    sync(dir);
    expect(upToDate(dir, 'inputs-1')?.files).toHaveLength(2);
  });

  it('is not a reason to write: a run whose only news is a new inputs hash writes nothing', () => {
    const dir = tempDir();
    sync(dir, 'inputs-1');
    expect(sync(dir, 'inputs-2').wrote).toBe(false);
    expect(upToDate(dir, 'inputs-1')?.files).toHaveLength(2);
  });

  it('gets from an init the hash of every shipped file, even though init does not read them all', () => {
    // After a render that read only files as the build saw them, init records the build's
    // fingerprint; hashing the shipped files now must give the same value, or update --check
    // would never take the fast path.
    const dir = tempDir();
    expect(cli(['init', 'app', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'app/.scaffold/manifest.json'), 'utf8')) as { inputsHash: string };
    expect(manifest.inputsHash).toBe(inputsHash(join(dir, 'app')));
  });

  it('does not stand in for the shipped files once a run has read one that changed since the build', () => {
    builtData('content/methodology/deep.yml', 'depth: 1\n');
    expect(builtContentFingerprint()).toBeUndefined();
  });
});
