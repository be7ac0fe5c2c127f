/**
 * Load a CommonJS file of the build with V8's code cache: the code V8 compiled for it in an
 * earlier run of the same command, kept on disk, so that a run does not parse and compile the
 * program again (init of a deep ml project: 285 -> 252 ms, median of 21 runs on two cores).
 * Node 20 has no compile cache of its own (Node 22.1 has module.enableCompileCache). A cache
 * made when the code is compiled, before it runs, holds little, since V8 compiles most functions
 * on their first call: made that way, as the v8-compile-cache package makes it, it measured 282
 * ms. This one is made after the run (script.createCachedData at exit), so it holds every
 * function the command used.
 *
 * - One cache file per command (`init`, `update`, ...): each holds what that command runs; and
 *   one per library of dist/vendor/ (YAML, the MCP SDK, the prompts).
 * - Where Node keeps its own: $NODE_COMPILE_CACHE, else <tmp>/node-compile-cache, in a
 *   scaffold-overlays folder of our own; NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does
 *   Node's.
 * - Written by the first run of a command that does its work. What that run did is what the cache
 *   holds, so a run that does little of the command has a name of its own (`init --help`) or
 *   is answered before the program loads (`update` of an up-to-date project, fast-path.ts).
 * - The file name holds what the code is (the bundle's path, size and modification time, the
 *   Node version): V8 checks only the length of the source, so a rebuilt bundle must never meet
 *   an old cache. Written once, when missing or refused by V8; older builds' caches of the same
 *   file, and any cache a month old, are removed then.
 * - It is an optimisation only: any failure to read or write it is ignored, and the run goes on
 *   as it would without it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * `require(file)`, with the code cache kept under `name` when there is one: the command for the
 * program, the library's name for a library of dist/vendor/.
 */
export function requireCached(file: string, name: string): unknown {
  const source = readFileSync(file, 'utf8');
  const cache = cacheFile(file, name);
  const cached = cache ? readIfThere(cache.path) : undefined;
  // The function Node wraps a CommonJS file in, as require() does. No import() may run in it
  // (Node 20 gives a script no loader for one): built-in modules load with
  // process.getBuiltinModule, libraries with require.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached });
  // Kept only from a run that did its work (exit 0, or 1: drift or conflicts found): one stopped
  // by a mistake in its input (2) ran little of the program, and a cache is not made again while
  // one is there, so the next runs would compile the rest on every start.
  if (cache && (!cached || script.cachedDataRejected)) process.once('exit', (code) => code <= 1 && save(cache, script));
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

interface CacheFile {
  dir: string;
  path: string;
  /** Names of this bundle's caches, of any build, and of this build's. */
  prefix: string;
  build: string;
}

/** Scaffold's folder of caches, or undefined when caching is off or the folder is not this user's alone. */
export function cacheFolder(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const dir = join(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'node-compile-cache'), 'scaffold-overlays');
  return ours(dir) ? dir : undefined;
}

function cacheFile(file: string, key: string): CacheFile | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    const dir = cacheFolder();
    if (!dir) return undefined;
    const prefix = `${hash(file)}-`;
    const build = `${prefix}${hash(`${size} ${mtimeMs} ${process.version} ${process.arch}`)}-`;
    const name = /^[a-z][a-z-]{0,30}$/.test(key) ? key : 'other';
    return { dir, prefix, build, path: join(dir, `${build}${name}.bin`) };
  } catch {
    return undefined;
  }
}

/**
 * A cache is code that runs: in a shared temporary folder, only a folder this user owns and no
 * one else may write to is used (or one not made yet, which save() makes so).
 */
function ours(dir: string): boolean {
  try {
    const { uid, mode } = statSync(dir);
    return process.getuid === undefined || (uid === process.getuid() && (mode & 0o022) === 0);
  } catch {
    return true;
  }
}

/**
 * 12 hex digits of FNV-1a (64 bits) of a short text, a path or a line: for names, where neither
 * node:crypto (7 to 9 ms to load on two cores) nor the WebAssembly of content-hash.ts, which the
 * program compiles for itself, is worth loading in the entry.
 */
function hash(text: string): string {
  let value = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) value = BigInt.asUintN(64, (value ^ BigInt(byte)) * 0x100000001b3n);
  return value.toString(16).padStart(16, '0').slice(0, 12);
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Write the cache (whole or not at all: another run may be reading it), and drop older builds'. */
function save({ dir, path, prefix, build }: CacheFile, script: Script): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ours(dir)) return;
    // Another build's cache of this file is stale; any cache a month old goes too (another
    // installation's, removed meanwhile), and is written again by its next run if still used.
    const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
    for (const name of readdirSync(dir)) {
      const other = join(dir, name);
      const stale = name.startsWith(prefix) && !name.startsWith(build);
      // Another run may have removed it meanwhile.
      if (stale || (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < monthAgo) rmSync(other, { force: true });
    }
    writeWhole(path, script.createCachedData());
  } catch {
    // Only an optimisation: the next run compiles as this one did.
  }
}

/**
 * Write a file of the cache folder whole or not at all (another run may be reading it): a temp
 * file renamed into place. Throws on failure, leaving nothing behind.
 */
export function writeWhole(path: string, bytes: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, path);
  } finally {
    // A write cut short (a full disk) leaves nothing behind.
    rmSync(temp, { force: true });
  }
}
