/** The fast path of `update`: it may only say "up to date" when a full run would change nothing. */
import { readFileSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRecord, fromBuild, hashShippedContent, shippedFilesUnder, shippedFingerprint } from '../../src/catalog/built.js';
import { filesUnder } from '../../src/catalog/files.js';
import { inputsHash } from '../../src/catalog/inputs.js';
import { parseTemplate } from '../../src/template/parse.js';
import type { PlannedFile } from '../../src/render/file-plan.js';
import { syncProject } from '../../src/sync/sync.js';
import { upToDate } from '../../src/sync/up-to-date.js';
import { cli } from '../helpers/cli.js';
import { update } from '../../src/commands/update.js';
import { tempDir, testContext, writeFile } from '../helpers/project.js';

const files: PlannedFile[] = [
  { path: 'docs/a.md', content: 'a\n', policy: 'managed', source: 't' },
  { path: 'src/b.py', content: 'b\n', policy: 'seed', source: 't' },
];
const sync = (dir: string, hash = inputsHash(dir, [])) =>
  syncProject({ projectDir: dir, files, projectType: 'ml', selection: { depth: 3 }, inputsHash: hash, version: '1.0.0', force: false, restore: [], write: true });

describe('the up-to-date fast path', () => {
  it('answers when the inputs and every managed file are as the last run left them', async () => {
    const dir = tempDir();
    (await sync(dir));
    expect(upToDate(dir)).toEqual({
      projectType: 'ml',
      selection: { depth: 3 },
      files: [
        { path: 'docs/a.md', source: 't', policy: 'managed' },
        { path: 'src/b.py', source: 't', policy: 'seed' },
      ],
    });
    writeFile(dir, 'src/b.py', 'the person owns seed files\n');
    expect(upToDate(dir)?.files).toHaveLength(2);
  });

  it('steps aside when the inputs changed, a file was edited or deleted, or there is no manifest', async () => {
    const dir = tempDir();
    expect(upToDate(dir)).toBeUndefined();
    (await sync(dir));
    writeFile(dir, '.scaffold/overlays/team.yml', 'knowledge: { add: [ml-security] }\n');
    expect(upToDate(dir)).toBeUndefined();
    rmSync(join(dir, '.scaffold/overlays'), { recursive: true });
    expect(upToDate(dir)).toBeDefined();
    writeFile(dir, 'docs/a.md', 'a\nmine\n');
    expect(upToDate(dir)).toBeUndefined();
    rmSync(join(dir, 'docs/a.md'));
    expect(upToDate(dir)).toBeUndefined();
    // Once the full run has recorded the deletion, the fast path applies again.
    (await sync(dir));
    expect(upToDate(dir)?.files).toHaveLength(2);
  });

  it("counts a project's own entries and suites, and files reached through symbolic links", async () => {
    const dir = tempDir();
    (await sync(dir));
    writeFile(dir, '.scaffold/suites/team/suite.yml', 'x\n');
    expect(upToDate(dir)).toBeUndefined();
    rmSync(join(dir, '.scaffold/suites'), { recursive: true });
    expect(upToDate(dir)).toBeDefined();

    const linked = tempDir();
    const elsewhere = tempDir();
    writeFile(elsewhere, 'team.yml', 'knowledge: { add: [ml-security] }\n');
    writeFile(linked, '.scaffold/overlays/.keep', '');
    symlinkSync(join(elsewhere, 'team.yml'), join(linked, '.scaffold/overlays/team.yml'));
    (await sync(linked));
    expect(upToDate(linked)).toBeDefined();
    writeFile(elsewhere, 'team.yml', 'knowledge: { add: [ml-testing] }\n');
    expect(upToDate(linked)).toBeUndefined();
  });

  it('is not a reason to write: a run whose only news is a new inputs hash writes nothing', async () => {
    const dir = tempDir();
    (await sync(dir, 'inputs-1'));
    expect((await sync(dir, 'inputs-2')).wrote).toBe(false);
  });

  it('gives update the same answer when the entry already asked and the program does not ask again', async () => {
    const dir = tempDir();
    expect(cli(['init', 'app', '--yes', '--type', 'library', '--lib-visibility', 'public'], dir).code).toBe(0);
    const run = async (upToDateAsked: boolean) => {
      const ctx = Object.assign(testContext(dir), { upToDateAsked });
      return { code: await update('app', { check: true }, ctx), out: ctx.out, err: ctx.err };
    };
    const asked = await run(true);
    expect(asked).toEqual(await run(false));
    expect(asked.out).toMatch(/^Checked, nothing written: \d+ unchanged\.\n$/);
  });

  it('records from init the same inputs hash the fast path computes', async () => {
    const dir = tempDir();
    expect(cli(['init', 'app', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'app/.scaffold/manifest.json'), 'utf8')) as { inputsHash: string };
    expect(manifest.inputsHash).toBe(inputsHash(join(dir, 'app'), []));
  });
});

describe("the shipped content's fingerprint", () => {
  it("is the build's while every shipped file is as the build read it, and equals hashing them all", async () => {
    expect(buildRecord()).toBeDefined();
    expect(shippedFingerprint()).toBe(hashShippedContent());
  });

  it("gives what the build derived without reading the shipped file while the build's record holds", () => {
    const read = () => {
      throw new Error('read the file');
    };
    const suite = fromBuild('templates/ml-unit/suite.yml', 'data', read, () => undefined) as { name?: string } | undefined;
    expect(suite?.name).toBe('ml-unit');
    // A knowledge entry's body comes from the file beside its group's, read at its offset and
    // parsed when asked for: every entry's, in an order other than the file's.
    const entries = shippedFilesUnder('content/knowledge').reverse();
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) {
      const body = fromBuild(`content/knowledge/${entry}`, 'body', read, () => undefined);
      const text = readFileSync(fileURLToPath(new URL(`../../content/knowledge/${entry}`, import.meta.url)), 'utf8');
      expect(body, entry).toEqual(parseTemplate(text.slice(text.indexOf('\n---\n') + 5), entry.split('/').pop()!));
    }
    // Nothing stored under that name: the file is read and derived.
    expect(() => fromBuild('templates/ml-unit/no-such.yml', 'data', read, () => undefined)).toThrow('read the file');
  });

  it("lists the shipped files from the build's record, as they are on disk", () => {
    for (const dir of ['content/knowledge', 'templates', 'templates/ml-unit/files']) {
      const listed = shippedFilesUnder(dir);
      expect(listed.length, dir).toBeGreaterThan(5);
      expect(listed, dir).toEqual(filesUnder(fileURLToPath(new URL(`../../${dir}`, import.meta.url))));
    }
  });

  it('is not taken from the build for a shipped file modified since the build read it', async () => {
    const file = fileURLToPath(new URL('../../content/methodology/deep.yml', import.meta.url));
    const { atime, mtime } = statSync(file);
    try {
      utimesSync(file, atime, new Date(Date.now() + 1000));
      expect(buildRecord()).toBeUndefined();
    } finally {
      utimesSync(file, atime, mtime);
    }
    expect(buildRecord()).toBeDefined();
  });
});
