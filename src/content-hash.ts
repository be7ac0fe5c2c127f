/**
 * The hash of content that Scaffold's records hold and every run compares (.scaffold/manifest.json,
 * the inputs hash, the build's fingerprint of its shipped files): XXH64, the 64-bit xxHash, as 16
 * hex digits, computed by xxhash-wasm's WebAssembly (src/xxhash-wasm.ts).
 *
 * Why not SHA-256, which the records held before manifest version 2: these hashes tell whether a
 * file is still the one Scaffold wrote, which is a question about mistakes, not an adversary
 * (whoever could plant a collision in a repository can edit its files instead), and with 64 bits
 * two different contents share a hash by chance about once in 1.8e19 comparisons. SHA-256 needs
 * node:crypto, which loads 38 of Node's own modules (its streams among them): 7 to 9 ms of every
 * command on two cores. Compiling this 3 KB module and hashing init's 57 files with it take 3.3 to
 * 3.8 ms, against 6.3 to 7.0 with node:crypto (bench/README.md). A hash in JavaScript was no
 * answer: V8 runs a cold loop in its interpreter, 20 ms for the same bytes.
 *
 * Records written before version 2 hold `sha256:<hex>` (records.ts): `sameContent` checks those
 * with node:crypto, which is loaded then only.
 */
import { XXHASH_WASM } from './xxhash-wasm.js';

// What is used of WebAssembly: TypeScript declares it with the DOM's types, which Scaffold's
// tsconfig leaves out.
declare const WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } };

/** The module's exports that Scaffold calls: pointers into `mem`, a seed, the hash as an i64. */
interface XXHash {
  mem: { buffer: ArrayBuffer; grow(pages: number): number };
  xxh64(at: number, length: number, seed: bigint): bigint;
  init64(state: number, seed: bigint): void;
  update64(state: number, at: number, length: number): void;
  digest64(state: number): bigint;
}

/**
 * Where a running hash keeps its state (88 bytes) in the module's memory, and where input goes:
 * right after it, where the module's update64 reads it (as xxhash-wasm's own wrapper puts it).
 */
const STATE = 0;
const STATE_SIZE = 88;
const INPUT = STATE + STATE_SIZE;

let xxhash: XXHash | undefined;
let memory = Buffer.alloc(0);

/** The module's memory with room for `length` bytes of input: compiled on first use, grown when needed. */
function room(length: number): Buffer {
  xxhash ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(XXHASH_WASM, 'base64'))).exports as XXHash;
  const needed = INPUT + length;
  // A memory that grows replaces its ArrayBuffer, and a view of the old one has length 0.
  if (memory.length < needed) {
    const missing = needed - xxhash.mem.buffer.byteLength;
    if (missing > 0) xxhash.mem.grow(Math.ceil(missing / 65536));
    memory = Buffer.from(xxhash.mem.buffer);
  }
  return memory;
}

const hex = (hash: bigint) => BigInt.asUintN(64, hash).toString(16).padStart(16, '0');

/** Bytes, or a byte string (one character per byte, src/sync/text.ts): the same bytes hash the same. */
export function hashBytes(bytes: string | Uint8Array): string {
  const at = room(bytes.length);
  if (typeof bytes === 'string') at.write(bytes, INPUT, 'latin1');
  else at.set(bytes, INPUT);
  return hex(xxhash!.xxh64(INPUT, bytes.length, 0n));
}

/** Text as its UTF-8 bytes: the hash of the byte string of those bytes, without making it. */
export function hashText(text: string): string {
  const length = Buffer.byteLength(text, 'utf8');
  room(length).write(text, INPUT, 'utf8');
  return hex(xxhash!.xxh64(INPUT, length, 0n));
}

export interface Hasher {
  /** The next part: a string as its UTF-8 bytes, or bytes. */
  update(part: string | Uint8Array): Hasher;
  digest(): string;
}

/**
 * A hash of parts given in turn, the same as of all of them joined. Its state is kept apart
 * between parts, so other hashes may be computed meanwhile.
 */
export function createHasher(): Hasher {
  // init64 sets only some of the state's fields: the rest must start at zero, not as the last
  // hash left them (xxhash-wasm's wrapper zeroes them too).
  const at = room(0).fill(0, STATE, STATE + STATE_SIZE);
  xxhash!.init64(STATE, 0n);
  const state = Uint8Array.from(at.subarray(STATE, STATE + STATE_SIZE));
  const hasher: Hasher = {
    update(part) {
      const length = typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length;
      const at = room(length);
      if (typeof part === 'string') at.write(part, INPUT, 'utf8');
      else at.set(part, INPUT);
      at.set(state, STATE);
      xxhash!.update64(STATE, INPUT, length);
      state.set(at.subarray(STATE, STATE + STATE_SIZE));
      return hasher;
    },
    digest() {
      room(0).set(state, STATE);
      return hex(xxhash!.digest64(STATE));
    },
  };
  return hasher;
}

/** How a record from before manifest version 2 marks its SHA-256 hashes (records.ts). */
export const LEGACY_SHA256 = 'sha256:';

/** Whether `bytes` (as hashBytes takes them) are the content a record hashed as `recorded`. */
export function sameContent(bytes: string | Uint8Array, recorded: string): boolean {
  if (!recorded.startsWith(LEGACY_SHA256)) return hashBytes(bytes) === recorded;
  const sha256 = process.getBuiltinModule('node:crypto').createHash('sha256');
  if (typeof bytes === 'string') sha256.update(bytes, 'latin1');
  else sha256.update(bytes);
  return sha256.digest('hex') === recorded.slice(LEGACY_SHA256.length);
}
