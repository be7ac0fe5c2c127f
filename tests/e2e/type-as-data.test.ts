/**
 * A project type is plain data: a copy of the package with one more type (a test fixture:
 * content/types/game.yml, its overlay, one entry, one suite) and not one changed line of src/
 * takes that type through init, update and validate, its flags and its rule included.
 */
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFile, tempDir, writeFile } from '../helpers/project.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/fixture-type', import.meta.url));

/**
 * A checkout of Scaffold, built, with the fixture type added to its content afterwards: the way
 * a contributor adds a type. (src/ is what marks a checkout, whose content may change after its
 * build; src/catalog/built.ts.)
 */
function packageWithGameType(): string {
  const pkg = tempDir('scaffold-pkg-');
  for (const part of ['package.json', 'src', 'dist', 'content', 'templates']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  cpSync(FIXTURE, pkg, { recursive: true });
  // A shipped file changed since the build is parsed on the spot, with the libraries the build used.
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  return pkg;
}

describe('a project type added as data only', () => {
  it('goes through init, update and validate, with its flags, defaults and rule', () => {
    const pkg = packageWithGameType();
    const run = (args: string[], cwd: string) => {
      const r = spawnSync(process.execPath, [join(pkg, 'dist/cli.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const dir = tempDir();

    expect(run(['init', '--help'], dir).out).toContain('--game-engine <value>');
    const refused = run(['init', '--yes', '--type', 'game', '--game-engine', 'canvas', '--game-multiplayer'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('a canvas game here is single-player');

    const init = run(['init', '--yes', '--game-engine', 'webgl', '--game-multiplayer', '--name', 'space-race'], dir);
    expect(init.code, init.err).toBe(0);
    expect(readFile(dir, '.scaffold/config.yml')).toContain('game:\n  engine: webgl\n  multiplayer: true');
    expect(readFile(dir, 'docs/knowledge/game-loop.md')).toContain('The server owns the clock.');
    expect(readFile(dir, 'tests/loop.test.ts')).toBe('// The space-race loop on webgl.\nexport const multiplayer = true;\n');
    expect(readFile(dir, '.scaffold/config.schema.json')).toContain('"const": "game"');
    expect(run(['validate'], dir).code).toBe(0);
    expect(run(['update', '--check'], dir).code).toBe(0);

    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('multiplayer: true', 'multiplayer: false'));
    expect(run(['update', '--check'], dir).code).toBe(1);
    expect(run(['update'], dir).code).toBe(0);
    expect(readFile(dir, 'docs/knowledge/game-loop.md')).toContain('The page owns the clock.');
    expect(run(['list', 'types'], dir).out).toMatch(/game +A small browser game \(a test fixture, not shipped\)/);
  });
});
