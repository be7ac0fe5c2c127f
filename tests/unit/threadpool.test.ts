/**
 * The threadpool that flushes staged files and folders is sized at the first flush
 * (src/sync/disk-ops.ts): libuv reads UV_THREADPOOL_SIZE when the pool starts, so the size is set
 * in the environment just before, unless the person set one. Each test loads disk-ops afresh:
 * the size is chosen once.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const saved = process.env.UV_THREADPOOL_SIZE;
const made: string[] = [];
beforeEach(() => {
  vi.resetModules();
  delete process.env.UV_THREADPOOL_SIZE;
});
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.UV_THREADPOOL_SIZE;
  else process.env.UV_THREADPOOL_SIZE = saved;
});

function files(n: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'scaffold-pool-'));
  made.push(dir);
  return Array.from({ length: n }, (_, i) => {
    const path = join(dir, `f${i}`);
    closeSync(openSync(path, 'w'));
    return path;
  });
}

describe('the threadpool of the flushes', () => {
  it("has libuv's 4 threads for a project's few flushes, 16 for more, more for a thousand, never more than 64", async () => {
    const { poolSizeFor } = await import('../../src/sync/disk-ops.js');
    expect(poolSizeFor(0)).toBe(4);
    expect(poolSizeFor(64)).toBe(4);
    expect(poolSizeFor(65)).toBe(16);
    expect(poolSizeFor(256)).toBe(16);
    expect(poolSizeFor(500)).toBe(32);
    expect(poolSizeFor(1045)).toBe(64);
    expect(poolSizeFor(100_000)).toBe(64);
  });

  it('is sized by the first flush, before libuv starts it, and not again', async () => {
    const { realDisk } = await import('../../src/sync/disk-ops.js');
    await realDisk.flush(files(600));
    expect(process.env.UV_THREADPOOL_SIZE).toBe('38');
    await realDisk.flush(files(1));
    expect(process.env.UV_THREADPOOL_SIZE).toBe('38');
  });

  it('is sized by the largest flush the run says it will make, when that is not the first', async () => {
    const { realDisk } = await import('../../src/sync/disk-ops.js');
    await realDisk.flush(files(3), 600);
    expect(process.env.UV_THREADPOOL_SIZE).toBe('38');
  });

  it('keeps the size a person set', async () => {
    process.env.UV_THREADPOOL_SIZE = '7';
    const { realDisk } = await import('../../src/sync/disk-ops.js');
    await realDisk.flush(files(600));
    expect(process.env.UV_THREADPOOL_SIZE).toBe('7');
  });
});
