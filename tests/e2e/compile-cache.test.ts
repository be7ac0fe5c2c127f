/**
 * The code cache (src/compile-cache.ts): written once per command and build, used after, never
 * a reason for a run to fail, off when Node's own switch says so, and never read from a folder
 * someone else could write to.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, CLI } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';

const BUNDLE = join(CLI, '..', 'scaffold.cjs');

function withCache() {
  const root = tempDir('scaffold-cache-');
  const dir = join(root, 'scaffold-overlays');
  const run = (args: string[], env: Record<string, string> = {}) => cli(args, root, { NODE_COMPILE_CACHE: root, ...env });
  const files = () => (existsSync(dir) ? readdirSync(dir).sort() : []);
  return { root, dir, run, files };
}

describe('the code cache', () => {
  it('is written by the first run of a command, then used as it is', () => {
    const { root, dir, run, files } = withCache();
    expect(run(['list', 'types']).code).toBe(0);
    expect(files()).toEqual([expect.stringMatching(/^[0-9a-f]{12}-[0-9a-f]{12}-list\.bin$/)]);
    const cache = join(dir, files()[0]!);
    const written = statSync(cache).mtimeMs;
    const second = run(['list', 'types']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('ml ');
    expect(statSync(cache).mtimeMs).toBe(written);
    // A run stopped by a mistake in its input makes none: it ran little of the command.
    expect(run(['update', '--check']).code).toBe(2);
    expect(run(['init', '--bogus']).code).toBe(2);
    expect(files().map((f) => f.split('-').slice(2).join('-')).sort()).toEqual(['list.bin']);
    // update's check keeps a cache of its own (a path of its own), and so does a command's help.
    expect(run(['init', 'p', '--yes', '--quiet', '--type', 'library', '--lib-visibility', 'public']).code).toBe(0);
    appendFileSync(join(root, 'p', 'AGENTS.md'), 'A line of mine.\n');
    expect(run(['update', 'p', '--check']).code).toBe(0);
    expect(run(['init', '--help']).code).toBe(0);
    const codeCaches = files().filter((f) => f.endsWith('.bin'));
    expect(codeCaches.map((f) => f.split('-').slice(2).join('-')).sort()).toEqual(['fast-path.bin', 'init-help.bin', 'init.bin', 'list.bin', 'update-check.bin', 'yaml.bin']);
  });

  it('is replaced when V8 refuses it, and the run goes on', () => {
    const { dir, run, files } = withCache();
    run(['list', 'types']);
    const cache = join(dir, files()[0]!);
    writeFileSync(cache, 'not a code cache');
    const run2 = run(['list', 'types']);
    expect(run2.code).toBe(0);
    expect(run2.stdout).toContain('ml ');
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
    // ... which the next run takes as it is.
    const rewritten = statSync(cache).mtimeMs;
    run(['list', 'types']);
    expect(statSync(cache).mtimeMs).toBe(rewritten);
  });

  it('belongs to one build: a rebuilt program writes a new one and drops the old', () => {
    const { run, files } = withCache();
    run(['list', 'types']);
    const [before] = files();
    const { atime, mtime } = statSync(BUNDLE);
    try {
      utimesSync(BUNDLE, atime, new Date(mtime.getTime() + 5000));
      expect(run(['list', 'types']).code).toBe(0);
      expect(files()).toHaveLength(1);
      expect(files()[0]).not.toBe(before);
    } finally {
      utimesSync(BUNDLE, atime, mtime);
    }
  });

  it('is written whole when ten runs start at once without one', async () => {
    const { root, dir, files } = withCache();
    const once = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'list', 'types'], { cwd: root, env: { ...process.env, NODE_COMPILE_CACHE: root }, stdio: 'ignore' });
        child.on('close', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all(Array.from({ length: 10 }, once))).toEqual(Array(10).fill(0));
    expect(files()).toEqual([expect.stringMatching(/-list\.bin$/)]);
    // ... and taken as it is by the next run.
    const written = statSync(join(dir, files()[0]!)).mtimeMs;
    expect(await once()).toBe(0);
    expect(statSync(join(dir, files()[0]!)).mtimeMs).toBe(written);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE, as Node\'s own is', () => {
    const { run, files } = withCache();
    expect(run(['list', 'types'], { NODE_DISABLE_COMPILE_CACHE: '1' }).code).toBe(0);
    expect(files()).toEqual([]);
  });

  it('is not read or written in a folder others may write to', () => {
    const { dir, run, files } = withCache();
    run(['list', 'types']);
    chmodSync(dir, 0o777);
    const cache = join(dir, files()[0]!);
    writeFileSync(cache, 'planted');
    expect(run(['list', 'types']).code).toBe(0);
    expect(readFileSync(cache, 'utf8')).toBe('planted');
  });

  it('is never a reason to fail: a cache folder that cannot be made is skipped', () => {
    const root = tempDir('scaffold-cache-');
    writeFileSync(join(root, 'file'), '');
    const result = cli(['list', 'types'], root, { NODE_COMPILE_CACHE: join(root, 'file') });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it("keeps config.yml's parse for the next run, which answers as a fresh parse would", () => {
    const { root, dir, run, files } = withCache();
    const kept = () => files().filter((f) => /^parsed-[0-9a-f]{16}\.json$/.test(f));
    expect(run(['init', 'p', '--yes', '--quiet', '--type', 'library', '--lib-visibility', 'public']).code).toBe(0);
    expect(run(['validate', 'p']).code).toBe(0);
    expect(kept()).toHaveLength(1);
    const config = join(root, 'p', '.scaffold', 'config.yml');
    // A damaged kept parse is parsed again.
    writeFileSync(join(dir, kept()[0]!), 'not json');
    expect(run(['validate', 'p'])).toMatchObject({ code: 0, stderr: '' });
    // A config that parses but is invalid: the run that finds it kept names the same line.
    writeFileSync(config, readFileSync(config, 'utf8').replace('visibility: public', 'visibility: secret'));
    const first = run(['validate', 'p']);
    expect(kept()).toHaveLength(2);
    const second = run(['validate', 'p']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/config\.yml:\d+: library\.visibility: expected/);
    expect(second).toEqual(first);
    // Data JSON cannot hold exactly is not kept.
    writeFileSync(config, readFileSync(config, 'utf8').replace('visibility: secret', 'visibility: .inf'));
    expect(run(['validate', 'p']).code).toBe(2);
    expect(kept()).toHaveLength(2);
  });
});
