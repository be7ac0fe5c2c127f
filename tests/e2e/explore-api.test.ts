/**
 * `scaffold explore` without a browser: the built CLI serves, and the tests make the page's
 * requests (and a hostile site's). The plan is init's, the command line round-trips, apply writes
 * through the sync engine, and only the page the command served may ask.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectTypes } from '../../src/catalog/types.js';
import { opener } from '../../src/explore/open-browser.js';
import { CLI, cli } from '../helpers/cli.js';
import { api, get, planPath, startExplore } from '../helpers/explore.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

type Plan = { ok: boolean; command: string; configText: string; report: unknown; files: { path: string; action: string; source: string; layer?: string }[]; rules: { message: string; flags: string[] }[]; problems: { message: string; flag?: string }[]; shown: Record<string, string>; ms: number };

const ML = { type: 'ml', 'ml-phase': 'both' };

/** A folder named like a project, inside a temp folder. */
function folder(name = 'fraud-model'): string {
  const dir = join(tempDir('explore-'), name);
  spawnSync('mkdir', ['-p', dir]);
  return dir;
}

/** A type's first example answers, as the flags the page sends. */
function exampleFlags(type: string): Record<string, string> {
  const example = projectTypes().get(type).examples[0]!;
  const flags: Record<string, string> = { type };
  for (const field of projectTypes().fields(type)) {
    const value = example[field.key];
    if (value !== undefined) flags[field.info.flag] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return flags;
}

describe('scaffold explore: starting and stopping', () => {
  it('serves on 127.0.0.1, prints the address, and stops on Ctrl+C with exit 0', async () => {
    const run = await startExplore(folder());
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(run.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get(run.url, '/app.js')).status).toBe(200);
    const stopped = await run.stop();
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ ok: true, command: 'explore', url: run.url, opened: false });
  });

  it('without --json, says where it serves and that Ctrl+C stops it, then that it stopped', async () => {
    const dir = folder();
    const child = spawn(process.execPath, [CLI, 'explore', '--no-open'], { cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('Ctrl+C') && resolve()));
    expect(out).toMatch(/^Scaffold explore for .*fraud-model\n\n {2}http:\/\/127\.0\.0\.1:\d+\/\n\nOpen that address in your browser\. Press Ctrl\+C to stop\.\n$/);
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(out.endsWith('Stopped.\n')).toBe(true);
  });

  it('a port in use: one line, exit 2, and the envelope says so with --json', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const plain = cli(['explore', '--no-open', '--port', port], folder());
      expect(plain.code).toBe(2);
      expect(plain.stderr).toBe(`error: --port ${port}: that port is in use on 127.0.0.1; pass another --port, or leave it out for a free one\n`);
      const json = cli(['explore', '--no-open', '--port', port, '--json'], folder());
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, command: 'explore', errors: [{ code: 'environment' }] });
    } finally {
      taken.close();
    }
  });

  it('a folder that does not exist, a config.yml that does not read, a port that is not one: one line, exit 2', () => {
    const dir = tempDir('explore-');
    const missing = cli(['explore', 'nowhere', '--no-open'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: nowhere: no such folder; create it first, or pass the folder of your project\n');
    writeFile(dir, 'broken/.scaffold/config.yml', 'name: x\nprojectType: ml\nml: { projectPhase: sometimes }\n');
    const broken = cli(['explore', 'broken', '--no-open'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error: \.scaffold\/config\.yml:3: ml.projectPhase: expected training\|inference\|both, found "sometimes"/);
    const port = cli(['explore', '--no-open', '--port', '80a'], dir);
    expect(port.code).toBe(2);
    expect(port.stderr).toBe('error: --port: expected a whole number from 1 to 65535, found "80a"\n');
  });

  it('opens the browser with the platform opener, and not without a display', () => {
    const url = 'http://127.0.0.1:4000/';
    expect(opener(url, { platform: 'linux', env: {} })).toEqual({ none: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' });
    expect(opener(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ command: 'xdg-open', args: [url] });
    expect(opener(url, { platform: 'darwin', env: {} })).toEqual({ command: 'open', args: [url] });
    expect(opener(`${url}?a=1&b=2`, { platform: 'win32', env: {} })).toEqual({ command: 'cmd', args: ['/c', 'start', '""', `${url}?a=1^&b=2`] });
  });
});

describe('scaffold explore: who may ask', () => {
  it("refuses API requests without this run's secret, or with another", async () => {
    const run = await startExplore(folder());
    expect((await get(run.url, '/api/form')).status).toBe(403);
    expect((await get(run.url, '/api/form', { 'x-scaffold-secret': 'x'.repeat(run.secret.length) })).status).toBe(403);
    expect((await get(run.url, planPath(ML), { 'x-scaffold-secret': `${run.secret}x` })).status).toBe(403);
    expect((await get(run.url, '/api/form', { 'x-scaffold-secret': run.secret })).status).toBe(200);
  });

  it('refuses a foreign Origin and a foreign Host even with the secret, and does not serve them the page', async () => {
    const dir = folder();
    const run = await startExplore(dir);
    const secret = { 'x-scaffold-secret': run.secret };
    const origin = await get(run.url, '/api/apply', { ...secret, origin: 'https://evil.example', 'content-type': 'application/json' }, 'POST', JSON.stringify({ answers: ML }));
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body).error).toBe('refused: Origin https://evil.example is not this page');
    // DNS rebinding: evil.example resolved to 127.0.0.1, so the browser sends its name as Host.
    const rebound = await get(run.url, '/', { host: `evil.example:${run.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain(run.secret);
    expect((await get(run.url, planPath(ML), { ...secret, host: `evil.example:${run.port}` })).status).toBe(403);
    expect((await get(run.url, '/api/form', { ...secret, origin: `http://localhost:${run.port}`, host: `localhost:${run.port}` })).status).toBe(200);
    expect(exists(dir, '.scaffold')).toBe(false);
  });

  it('writes with POST only, and reads with GET only', async () => {
    const dir = folder();
    const run = await startExplore(dir);
    const secret = { 'x-scaffold-secret': run.secret };
    expect((await get(run.url, `/api/apply?${new URLSearchParams(ML)}`, secret)).status).toBe(405);
    expect((await get(run.url, planPath(ML), secret, 'POST')).status).toBe(405);
    expect(exists(dir, '.scaffold')).toBe(false);
  });
});

describe('scaffold explore: the plan', () => {
  it('is what `init --dry-run --json` reports, each file with the layer that selected it', async () => {
    const dir = folder();
    const run = await startExplore(dir);
    const { json: plan } = await api<Plan>(run, planPath(ML));
    expect(plan.ok).toBe(true);
    const dry = cli(['init', '--yes', '--dry-run', '--json', '--type', 'ml', '--ml-phase', 'both'], dir);
    expect(plan.report).toEqual(JSON.parse(dry.stdout));
    expect(plan.files.find((f) => f.path === 'docs/knowledge/ml-testing.md')).toMatchObject({ action: 'create', source: 'knowledge ml-testing', layer: 'ml overlay' });
    expect(plan.files.find((f) => f.path === '.github/workflows/scaffold.yml')).toMatchObject({ source: 'suite scaffold-ci', layer: 'methodology deep' });
    expect(plan.ms).toBeGreaterThan(0);
  });

  it('shows a broken rule beside every field it involves, and a missing answer beside its field', async () => {
    const run = await startExplore(folder());
    const { json: broken } = await api<Plan>(run, planPath({ type: 'ml', 'ml-phase': 'training', 'ml-serving': 'realtime' }));
    expect(broken.ok).toBe(false);
    expect(broken.rules).toEqual([{ message: 'a training-only project serves nothing: set servingPattern to none or projectPhase to both', flags: ['ml-phase', 'ml-serving'] }]);
    expect(broken.problems).toEqual([]);
    const { json: missing } = await api<Plan>(run, planPath({ type: 'ml' }));
    expect(missing.problems).toEqual([expect.objectContaining({ flag: '--ml-phase' })]);
    // The form still shows each answer: a default that depends on another follows it.
    const { json: training } = await api<Plan>(run, planPath({ type: 'ml', 'ml-phase': 'training' }));
    expect(training.shown).toMatchObject({ 'ml-serving': 'none', methodology: 'deep' });
  });

  it('says what in the folder is in the way, as init would', async () => {
    const dir = folder();
    writeFile(dir, 'docs', 'a file where Scaffold needs a folder\n');
    const run = await startExplore(dir);
    const { json: plan } = await api<Plan>(run, planPath(ML));
    expect(plan.ok).toBe(false);
    const init = cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir);
    expect(init.code).toBe(2);
    expect(plan.problems.map((p) => `error: ${p.message}`)).toContain(init.stderr.trim().split('\n')[0]);
  });

  it("starts the form from the folder's config.yml, whose plan then changes nothing", async () => {
    const dir = folder();
    expect(cli(['init', '--yes', '-q', '--type', 'ml', '--ml-phase', 'inference', '--ml-serving', 'batch', '--agents', 'cursor'], dir).code).toBe(0);
    const run = await startExplore(dir);
    const { json: form } = await api<{ initial: Record<string, string>; hasConfig: boolean }>(run, '/api/form');
    expect(form.hasConfig).toBe(true);
    expect(form.initial).toMatchObject({ type: 'ml', name: 'fraud-model', 'ml-phase': 'inference', 'ml-serving': 'batch', agents: 'cursor' });
    const { json: plan } = await api<Plan>(run, planPath(form.initial));
    expect(plan.files.filter((f) => f.action !== 'unchanged')).toEqual([]);
  });

  it('offers the two depth levels, each with its help, full by default', async () => {
    const run = await startExplore(folder());
    const { json: form } = await api<{ depth: { question: string; choices: { value: string; help: string }[]; default: string } }>(run, '/api/form');
    expect(form.depth.choices.map((c) => c.value)).toEqual(['summary', 'full']);
    expect(form.depth.choices.every((c) => c.help.length > 20)).toBe(true);
    expect(form.depth.default).toBe('full');
  });

  it('previews a file: its content after apply, and its diff against the file on disk', async () => {
    const dir = folder();
    expect(cli(['init', '--yes', '-q', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical'], dir).code).toBe(0);
    const run = await startExplore(dir);
    const answers = { ...ML, 'ml-model-type': 'llm' };
    const { json: preview } = await api<{ action: string; after: string; onDisk: boolean; diff: { kind: string; text?: string }[] }>(run, `/api/file/${encodeURIComponent('docs/knowledge/ml-testing.md')}?${new URLSearchParams(answers)}`);
    expect(preview.action).toBe('update');
    expect(preview.onDisk).toBe(true);
    expect(preview.after).toMatch(/^<!-- Generated by Scaffold/);
    expect(preview.diff.some((l) => l.kind === '+')).toBe(true);
    expect(preview.diff.some((l) => l.kind === '-')).toBe(true);
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).not.toBe(preview.after);
    const outside = await api(run, `/api/file/${encodeURIComponent('../../etc/passwd')}?${new URLSearchParams(answers)}`);
    expect(outside).toEqual({ status: 400, json: expect.objectContaining({ error: '../../etc/passwd: not a file of this plan' }) });
  });
});

describe('scaffold explore: share and apply', () => {
  const variations: [string, Record<string, string>][] = [
    ...projectTypes().ids.map((type): [string, Record<string, string>] => [`${type}, its first example`, exampleFlags(type)]),
    ['ml, custom depth summary, a dotted name, other agents, no tracking', { ...ML, name: 'fraud.model', methodology: 'custom', depth: 'summary', agents: 'cursor,mcp', 'ml-experiment-tracking': 'false' }],
    ['browser-extension with no page and no agents', { type: 'browser-extension', 'ext-ui-surfaces': '', 'ext-content-script': 'true', agents: 'none' }],
    ['library refreshed monthly', { type: 'library', 'lib-visibility': 'public', refresh: 'monthly' }],
  ];

  it.each(variations)('the copied command gives the same config.yml: %s', async (_, answers) => {
    const run = await startExplore(folder());
    const { json: plan } = await api<Plan>(run, planPath(answers));
    expect(plan.ok, JSON.stringify(plan.problems ?? plan.rules)).toBe(true);
    expect(plan.command).toMatch(/^npx scaffold-overlays init --yes /);
    // Run the line through a shell, as a person pastes it, in another folder of another name.
    const elsewhere = folder('somewhere-else');
    const shell = spawnSync('sh', ['-c', plan.command.replace(/^npx scaffold-overlays /, `"${process.execPath}" "${CLI}" `)], { cwd: elsewhere, encoding: 'utf8' });
    expect(shell.status, shell.stderr).toBe(0);
    expect(readFile(elsewhere, '.scaffold/config.yml')).toBe(plan.configText);
    expect(parse(plan.configText)).toMatchObject({ projectType: answers.type });
  });

  it('applies through the sync engine and reports as init does: files written, then a conflict', async () => {
    const dir = folder();
    const run = await startExplore(dir);
    const realtime = { ...ML, 'ml-serving': 'realtime' };
    const { json: applied } = await api<{ exitCode: number; report: { ok: boolean; dryRun: boolean; changes: unknown[] } }>(run, '/api/apply', realtime);
    expect(applied.exitCode).toBe(0);
    expect(applied.report).toMatchObject({ ok: true, command: 'init', dryRun: false });
    expect(readFile(dir, '.scaffold/config.yml')).toContain('servingPattern: realtime');
    expect(exists(dir, '.scaffold/manifest.json')).toBe(true);
    expect(cli(['update', '--check'], dir).code).toBe(0);

    // The person rewrites a line Scaffold also changes: the next apply leaves conflict markers.
    const doc = 'docs/knowledge/ml-serving-patterns.md';
    writeFile(dir, doc, readFile(dir, doc).replace(/^.* serves predictions through a \*\*realtime\*\* API\..*$/m, 'Our team serves the model behind the gateway.'));
    const { json: conflicted } = await api<{ exitCode: number; report: { ok: boolean; conflicts: string[] } }>(run, '/api/apply', { ...ML, 'ml-serving': 'batch' });
    expect(conflicted.exitCode).toBe(1);
    expect(conflicted.report).toMatchObject({ ok: false, conflicts: [doc] });
    expect(readFile(dir, doc)).toContain('<<<<<<< yours');
  });

  it('refuses to apply while another run holds the lock, writing nothing', async () => {
    const dir = folder();
    expect(cli(['init', '--yes', '-q', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
    writeFile(dir, '.scaffold/lock', `${process.pid} 0123456789abcdef\n`);
    const run = await startExplore(dir);
    const before = readFile(dir, '.scaffold/config.yml');
    const { status, json } = await api<{ problems: { code: string }[] }>(run, '/api/apply', { ...ML, 'ml-model-type': 'llm' });
    expect(status).toBe(400);
    expect(json.problems[0]!.code).toBe('busy');
    expect(readFile(dir, '.scaffold/config.yml')).toBe(before);
  });
});
