/**
 * Byte strings (src/sync/text.ts): Scaffold's Unicode text enters them as its UTF-8 bytes and
 * comes back unchanged; ASCII text is its own byte string; written, each is its bytes exactly.
 * And the records as sync writes them (src/sync/records.ts): base.json's chunks, the order of
 * paths.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realDisk } from '../../src/sync/disk-ops.js';
import { serializeBases, serializeManifest } from '../../src/sync/records.js';
import { bytesOf, textOf } from '../../src/sync/text.js';

const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('byte strings', () => {
  it('are the UTF-8 bytes of the text, one character each, and read back as the same text', () => {
    for (const text of ['plain ASCII, tabs\tand\nnewlines', 'café', 'a → b ≤ c', 'emoji 🙂 and ─── lines', '', '\u0080']) {
      expect(bytesOf(text)).toBe(utf8Bytes(text));
      expect(textOf(bytesOf(text))).toBe(text);
    }
    expect(bytesOf('caf\u00e9')).toBe('caf\u00c3\u00a9');
  });

  it('write a lone surrogate as U+FFFD and read bytes that are not UTF-8 as U+FFFD, as Buffer does', () => {
    expect(bytesOf('x\ud800y')).toBe('x\u00ef\u00bf\u00bdy');
    expect(textOf('ok \u00ff')).toBe('ok \ufffd');
    expect(textOf('only ASCII')).toBe('only ASCII');
  });
});

describe('writing byte strings', () => {
  it('puts every byte on disk as it is, in chunks small and large, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scaffold-bytes-'));
    try {
      const every = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
      const chunks = [every, 'x'.repeat(70_000), bytesOf('→ é\n'), '', every.repeat(300), 'end\n'];
      realDisk.create(join(dir, 'chunks'), { size: 0, [Symbol.iterator]: () => chunks.values() });
      realDisk.create(join(dir, 'one'), bytesOf('café ─ 🙂\n'));
      await realDisk.flush([join(dir, 'chunks'), join(dir, 'one')]);
      expect(readFileSync(join(dir, 'chunks'))).toEqual(Buffer.from(chunks.join(''), 'latin1'));
      expect(readFileSync(join(dir, 'one'), 'utf8')).toBe('café ─ 🙂\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});

describe('the records as written', () => {
  it("makes base.json's chunks afresh each time they are read: a staged file made twice is whole twice", () => {
    const bases = new Map([['b.md', 'line\n"quoted" → é\n'], ['a.md', 'plain\n']]);
    const chunks = serializeBases(bases);
    const first = [...chunks].join('');
    expect([...chunks].join('')).toBe(first);
    expect(JSON.parse(textOf(first))).toEqual({ 'a.md': 'plain\n', 'b.md': 'line\n"quoted" → é\n' });
    expect(chunks.size).toBeGreaterThanOrEqual(Buffer.byteLength('b.md') + Buffer.byteLength(bases.get('b.md')!));
  });

  it('list paths in one order, the same in the manifest and in base.json, whatever the paths are called', () => {
    const paths = ['b/z.md', 'B.md', 'a.md', '__proto__', 'é.md', 'a/b.md', 'constructor'];
    const record = { policy: 'managed' as const, source: 's', sha256: 'h' };
    const manifest = serializeManifest({ version: 1, scaffoldVersion: '1.0.0', files: Object.fromEntries(paths.map((p) => [p, record])) });
    const sorted = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(Object.keys(JSON.parse(manifest).files)).toEqual(sorted);
    const bases = JSON.parse(textOf([...serializeBases(new Map(paths.map((p) => [p, `text of ${p}\n`])))].join('')));
    expect(Object.keys(bases)).toEqual(sorted);
    expect(bases.__proto__).toBe('text of __proto__\n');
  });
});
