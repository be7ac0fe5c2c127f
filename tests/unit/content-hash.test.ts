/** The hash Scaffold's records hold: XXH64, from xxhash-wasm's WebAssembly (src/content-hash.ts). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import xxhash from 'xxhash-wasm';
import { createHasher, hashBytes, hashText, LEGACY_SHA256, sameContent } from '../../src/content-hash.js';
import { bytesOf } from '../../src/sync/text.js';
import { XXHASH_WASM } from '../../src/xxhash-wasm.js';

describe('the content hash', () => {
  it('is XXH64: the published values for the specification\'s examples', () => {
    expect(hashText('')).toBe('ef46db3751d8e999');
    expect(hashText('a')).toBe('d24ec4f1a98c6e5b');
    expect(hashText('abc')).toBe('44bc2cf5ad770999');
    expect(hashText('Nobody inspects the spammish repetition')).toBe('fbcea83c8a378bf1');
  });

  it('hashes text, its byte string and its bytes alike, and tells one changed byte', () => {
    const text = 'Ünïcödé — and a line\r\nof CRLF\n';
    const bytes = Buffer.from(text, 'utf8');
    expect(hashBytes(bytesOf(text))).toBe(hashText(text));
    expect(hashBytes(bytes)).toBe(hashText(text));
    // A byte string is one character per byte, so bytes that are not UTF-8 hash as themselves.
    const invalid = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    expect(hashBytes(invalid.toString('latin1'))).toBe(hashBytes(invalid));
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    expect(hashBytes(bytes)).not.toBe(hashText(text));
  });

  it('hashes inputs larger than the module\'s memory, and parts given in turn as the whole', () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'Scaffold ');
    const whole = hashBytes(big);
    const hasher = createHasher();
    for (let at = 0; at < big.length; at += 100_000) {
      hasher.update(big.subarray(at, at + 100_000));
      // Other hashes in between leave the running one alone.
      hashText(`interleaved ${at}`);
    }
    expect(hasher.digest()).toBe(whole);
    expect(createHasher().update('config\0').update(Buffer.from('name: x\n')).digest()).toBe(hashText('config\0name: x\n'));
    expect(hashBytes(big.subarray(0, 10))).toBe(hashBytes(Buffer.from(big.subarray(0, 10))));
  });

  it('checks a record of manifest version 1, which held SHA-256, with SHA-256', () => {
    const text = 'title\n\nline one\n';
    const legacy = `${LEGACY_SHA256}${createHash('sha256').update(text, 'latin1').digest('hex')}`;
    expect(sameContent(text, legacy)).toBe(true);
    expect(sameContent(Buffer.from(text, 'latin1'), legacy)).toBe(true);
    expect(sameContent(`${text}mine\n`, legacy)).toBe(false);
    expect(sameContent(text, hashText(text))).toBe(true);
    expect(sameContent(`${text}mine\n`, hashText(text))).toBe(false);
  });

  it('uses the WebAssembly of the installed xxhash-wasm, byte for byte, and agrees with its own API', async () => {
    const file = createRequire(import.meta.url).resolve('xxhash-wasm');
    const listed = /new Uint8Array\(\[([0-9,]+)\]\)/.exec(readFileSync(file, 'utf8'))?.[1];
    const installed = Buffer.from(JSON.parse(`[${listed}]`) as number[]).toString('base64');
    // After an update of the package, this names the bytes to copy into src/xxhash-wasm.ts.
    expect(XXHASH_WASM, `src/xxhash-wasm.ts is not the installed package's module; copy this base64 there:\n${installed}`).toBe(installed);
    const api = await xxhash();
    for (const text of ['', 'abc', 'x'.repeat(100_001), bytesOf('Ünïcödé')]) expect(hashBytes(Buffer.from(text, 'latin1'))).toBe(api.h64Raw(Buffer.from(text, 'latin1')).toString(16).padStart(16, '0'));
  });
});
