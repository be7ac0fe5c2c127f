/**
 * Byte strings (src/sync/text.ts): Scaffold's Unicode text enters them as its UTF-8 bytes and
 * comes back unchanged; ASCII text is its own byte string; written, each is its bytes exactly;
 * read (src/read-bytes.ts), each is the file's bytes exactly. And the records as sync writes them
 * (src/sync/records.ts): base.json's chunks, the order of paths.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileBytes, readRange } from '../../src/read-bytes.js';
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

describe('reading byte strings', () => {
  it("give a file's bytes exactly, through the reused buffer and past it, and only the bytes of each read", () => {
    const dir = mkdtempSync(join(tmpdir(), 'scaffold-read-'));
    try {
      // Bytes that are not UTF-8, a file larger than the 64 KB buffer, then smaller ones after it.
      const files = { raw: Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0xc3, 0x28]), large: Buffer.alloc(200_000, 'ab\n'), small: Buffer.from('one line\n'), empty: Buffer.alloc(0) };
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
      for (const name of ['small', 'large', 'raw', 'small', 'empty']) {
        expect(readFileBytes(join(dir, name)), name).toBe(files[name as keyof typeof files].toString('latin1'));
      }
      const fd = openSync(join(dir, 'large'), 'r');
      try {
        expect(readRange(fd, 3, 5)).toBe('ab\nab');
        expect(readRange(fd, 199_998, 10), 'a range past the end gives what the file holds').toBe('ab');
      } finally {
        closeSync(fd);
      }
      mkdirSync(join(dir, 'folder'));
      expect(() => readFileBytes(join(dir, 'folder'))).toThrow(/EISDIR/);
      expect(() => readFileBytes(join(dir, 'missing'))).toThrow(/ENOENT/);
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
    const record = { policy: 'managed' as const, source: 's', hash: 'h' };
    const manifest = serializeManifest({ version: 2, scaffoldVersion: '1.0.0', files: Object.fromEntries(paths.map((p) => [p, record])) });
    const sorted = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(Object.keys(JSON.parse(manifest).files)).toEqual(sorted);
    const bases = JSON.parse(textOf([...serializeBases(new Map(paths.map((p) => [p, `text of ${p}\n`])))].join('')));
    expect(Object.keys(bases)).toEqual(sorted);
    expect(bases.__proto__).toBe('text of __proto__\n');
  });
});
