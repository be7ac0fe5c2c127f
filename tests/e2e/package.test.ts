/**
 * The package as npm would publish it: packed, installed from the tarball into an empty folder
 * (offline: it depends on nothing), small, quiet, and working. And the Node floor `engines`
 * admits is the one the sources are type-checked against.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, tempDir } from '../helpers/project.js';
import { workflowErrors } from '../helpers/workflow-validator.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('the published package', () => {
  let app: string;
  let out: string;
  let install: ReturnType<typeof npm>;

  beforeAll(() => {
    // `npm test` has just built dist/; packing again would only rebuild it (prepack). The folders
    // outlive each test (tempDir's are removed after each).
    out = mkdtempSync(join(tmpdir(), 'scaffold-pack-'));
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', out, '--silent'], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    app = mkdtempSync(join(tmpdir(), 'scaffold-installed-'));
    npm(['init', '-y'], app);
    install = npm(['install', '--offline', '--no-audit', '--no-fund', join(out, pack.stdout.trim())], app);
  }, 120_000);
  afterAll(() => [app, out].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('installs from the tarball alone, without a warning, in at most 8 MB', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).toBe('');
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['scaffold-overlays']);
    expect(sizeOf(join(app, 'node_modules'))).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('ships the license, the bundle and the content, and no build tooling', () => {
    const installed = join(app, 'node_modules/scaffold-overlays');
    for (const path of ['LICENSE', 'README.md', 'dist/cli.cjs', 'dist/compiled', 'content/types/ml.yml', 'templates/ml-unit/suite.yml']) {
      expect(existsSync(join(installed, path)), path).toBe(true);
    }
    expect(existsSync(join(installed, 'dist/build'))).toBe(false);
    expect(existsSync(join(installed, 'src'))).toBe(false);
  });

  it('runs: the version, and a project set up from the installed binary', () => {
    const bin = join(app, 'node_modules/.bin/scaffold');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFile(ROOT, 'package.json')).version);
    expect(version.stderr).toBe('');
    const project = tempDir('installed-project-');
    const init = spawnSync(bin, ['init', '--yes', '--type', 'library', '--lib-visibility', 'public', '-q'], { cwd: project, encoding: 'utf8' });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(existsSync(join(project, 'docs/knowledge/README.md'))).toBe(true);
  });
});

describe('the release workflow', () => {
  it('is a valid workflow that publishes on a version tag with provenance, after the CI checks', async () => {
    const text = readFile(ROOT, '.github/workflows/release.yml');
    expect(await workflowErrors('release.yml', text)).toEqual([]);
    expect(text).toMatch(/tags: \['v\*\.\*\.\*'\]/);
    expect(text).toContain('id-token: write');
    expect(text).toContain('bash .ci/run');
    expect(text).toContain('npm publish --provenance --access public');
    expect(text).not.toMatch(/NODE_AUTH_TOKEN|NPM_TOKEN/);
  });
});

describe('dependencies and the Node floor', () => {
  it('has no runtime dependencies: the bundle holds them', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('type-checks the sources against the Node API of the oldest version engines admits', () => {
    // tsc reads Node's API from @types/node, so a newer API fails the type check (npm run typecheck).
    const floor = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(floor, pkg.engines.node).not.toBeNull();
    const types = JSON.parse(readFile(ROOT, 'node_modules/@types/node/package.json')).version as string;
    expect(types.split('.').slice(0, 2)).toEqual([floor![1], floor![2]]);
    expect(pkg.devDependencies['@types/node']).toBe(`~${floor![1]}.${floor![2]}.0`);
  });
});
