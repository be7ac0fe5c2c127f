/** Listing a folder's files the way the catalog reads content: links followed, loops cut. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/catalog/files.js';
import { tempDir, writeFile } from '../helpers/project.js';

describe('filesUnder', () => {
  it('lists files in sorted order, following links to files and folders, skipping dangling ones', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    writeFile(dir, 'b.md', '');
    writeFile(dir, 'a/c.md', '');
    writeFile(elsewhere, 'shared/d.md', '');
    symlinkSync(join(elsewhere, 'shared'), join(dir, 'linked'));
    symlinkSync(join(elsewhere, 'shared/d.md'), join(dir, 'e.md'));
    symlinkSync(join(elsewhere, 'missing.md'), join(dir, 'dangling.md'));
    expect(filesUnder(dir)).toEqual(['a/c.md', 'b.md', 'e.md', 'linked/d.md']);
  });

  it('walks each real folder once, so a link back up the tree ends', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFile(dir, 'a/b/f.md', '');
    symlinkSync(join(dir, 'a'), join(dir, 'a/b/up'));
    expect(filesUnder(dir)).toEqual(['a/b/f.md']);
  });

  it('is empty for a folder that does not exist', () => {
    expect(filesUnder(join(tempDir(), 'nope'))).toEqual([]);
  });
});
