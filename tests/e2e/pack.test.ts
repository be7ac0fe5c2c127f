/** The published package works: pack it, install the tarball in a temp folder, run init from it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exists, tempDir } from '../helpers/project.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the npm package', () => {
  it('installs from its tarball and runs init', () => {
    const work = tempDir('pack-');
    const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    const tarball = npm(['pack', '--silent', '--ignore-scripts', '--pack-destination', work], ROOT).trim().split('\n').pop()!;
    npm(['init', '-y'], work);
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)], work);
    const bin = join(work, 'node_modules/.bin/scaffold');
    const run = spawnSync(bin, ['init', 'demo', '--yes', '--type', 'library', '--lib-visibility', 'public'], { cwd: work, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(exists(join(work, 'demo'), 'docs/knowledge/library-api-design.md')).toBe(true);
    expect(exists(join(work, 'demo'), 'package.json')).toBe(true);

    // Editing config.yml and updating reads and edits YAML with the library bundled into dist/.
    const demo = join(work, 'demo');
    const config = join(demo, '.scaffold/config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('documentationLevel: readme', 'documentationLevel: api-docs'));
    const update = spawnSync(bin, ['update'], { cwd: demo, encoding: 'utf8' });
    expect(update.stderr).toBe('');
    expect(update.stdout).toMatch(/updated/);
    expect(spawnSync(bin, ['update', '--check'], { cwd: demo, encoding: 'utf8' }).status).toBe(0);
  }, 120_000);
});
