/**
 * `scaffold outdated` against a fake npm registry on 127.0.0.1: the registry the person's npm
 * would use (environment, then .npmrc), the three exit codes, and a registry that never answers.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli } from '../helpers/cli.js';
import { readFile, tempDir, writeFile } from '../helpers/project.js';

const INSTALLED = JSON.parse(readFile(new URL('../..', import.meta.url).pathname, 'package.json')).version as string;
const bump = (v: string) => v.replace(/^(\d+)\./, (_, major: string) => `${Number(major) + 1}.`);

/** What the fake registry answers for /scaffold-overlays/latest, changed by each test. */
let latest: { status: number; body?: object } = { status: 200, body: { version: INSTALLED } };
const requests: string[] = [];
let server: Server;
let registry: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/slow/scaffold-overlays/latest') return; // never answers
    if (req.url !== '/scaffold-overlays/latest') return void res.writeHead(404).end('{}');
    res.writeHead(latest.status, { 'content-type': 'application/json' }).end(JSON.stringify(latest.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** The CLI in a child process, without blocking this one (it serves the registry). */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_registry: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function project(): string {
  const dir = tempDir('outdated-');
  expect(cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'public', '-q'], dir).code).toBe(0);
  return dir;
}

describe('scaffold outdated', () => {
  it('exits 0 when the project was rendered by the latest version', async () => {
    latest = { status: 200, body: { version: INSTALLED } };
    const result = await run(['outdated'], project(), { npm_config_registry: registry });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Up to date.');
  });

  it('exits 1 when a newer version is out, with both versions and the release notes in the envelope', async () => {
    latest = { status: 200, body: { version: bump(INSTALLED), repository: { type: 'git', url: 'git+https://github.com/acme/scaffold.git' } } };
    const dir = project();
    const result = await run(['outdated', '--json'], dir, { npm_config_registry: registry });
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      command: 'outdated',
      rendered: INSTALLED,
      installed: INSTALLED,
      latest: bump(INSTALLED),
      registry,
      releaseNotes: `https://github.com/acme/scaffold/releases/tag/v${bump(INSTALLED)}`,
      errors: [{ code: 'out-of-date' }],
    });
    const plain = await run(['outdated'], dir, { npm_config_registry: registry });
    expect(plain.stdout).toContain(`npx scaffold-overlays@${bump(INSTALLED)} update`);
  });

  it("reads the registry from the project's .npmrc when the environment names none", async () => {
    latest = { status: 200, body: { version: INSTALLED } };
    const dir = project();
    writeFile(dir, '.npmrc', `; the company mirror\nregistry=\${FAKE_REGISTRY}\n`);
    const before = requests.length;
    const result = await run(['outdated', '--json'], dir, { FAKE_REGISTRY: registry, npm_config_userconfig: '/nonexistent' });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).registry).toBe(registry);
    expect(requests.length).toBe(before + 1);
  });

  it('exits 2 with one line when it cannot tell: no such package, a registry that is down or silent', async () => {
    latest = { status: 404 };
    const missing = await run(['outdated'], project(), { npm_config_registry: registry });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('has no package scaffold-overlays');

    const down = await run(['outdated', '--json'], project(), { npm_config_registry: 'http://127.0.0.1:9/' });
    expect(down.code).toBe(2);
    expect(JSON.parse(down.stdout)).toMatchObject({ ok: false, errors: [{ code: 'environment' }] });

    const silent = await run(['outdated', '--timeout', '300'], project(), { npm_config_registry: `${registry}slow/` });
    expect(silent.code).toBe(2);
    expect(silent.stderr).toContain('did not answer within 300 ms');
  });

  it('works outside a project, comparing the installed version', async () => {
    latest = { status: 200, body: { version: bump(INSTALLED) } };
    const result = await run(['outdated', '--json'], tempDir('outdated-'), { npm_config_registry: registry });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ rendered: null, installed: INSTALLED, releaseNotes: `https://www.npmjs.com/package/scaffold-overlays/v/${bump(INSTALLED)}` });
  });
});
