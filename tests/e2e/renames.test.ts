/**
 * Migrations between versions: a simulated newer release (a copy of this package with a bumped
 * version) renames a knowledge entry and a suite file and changes both; a project the person had
 * edited, updated with it, gets each file at its new path with their edits merged in, reported
 * as `rename`, and nothing left at the old paths.
 */
import { cpSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const NEXT = VERSION.replace(/^(\d+)\.(\d+)\.\d+/, (_, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);

const OLD_DOC = 'docs/knowledge/ml-security.md';
const NEW_DOC = 'docs/knowledge/ml-safety.md';
const OLD_TEST = 'tests/unit/test_metrics.py';
const NEW_TEST = 'tests/unit/test_scores.py';

function replaceEverywhere(dir: string, from: string, to: string): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) replaceEverywhere(full, from, to);
    else if (/\.(md|yml|hbs|py)$/.test(name)) {
      const text = readFileSync(full, 'utf8');
      if (text.includes(from)) writeFileSync(full, text.split(from).join(to));
    }
  }
}

/** This package as its next release would ship it: the entry and the suite file renamed, and changed. */
function nextRelease(): string {
  const pkg = tempDir('scaffold-next-');
  for (const part of ['package.json', 'src', 'dist', 'content', 'templates']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ ...manifest, version: NEXT }, null, 2));

  renameSync(join(pkg, 'content/knowledge/ml/ml-security.md'), join(pkg, 'content/knowledge/ml/ml-safety.md'));
  replaceEverywhere(join(pkg, 'content'), 'ml-security', 'ml-safety');
  const entry = join(pkg, 'content/knowledge/ml/ml-safety.md');
  writeFileSync(entry, `${readFileSync(entry, 'utf8').trimEnd()}\n- [ ] The release notes of every model say which data it was trained on.\n`);

  const suite = join(pkg, 'templates/ml-unit/files/tests/unit');
  renameSync(join(suite, 'test_metrics.py.hbs'), join(suite, 'test_scores.py.hbs'));
  writeFileSync(join(suite, 'test_scores.py.hbs'), `${readFileSync(join(suite, 'test_scores.py.hbs'), 'utf8')}\n\ndef test_added_in_the_next_release():\n    assert accuracy([1, 0], [1, 0]) == 1.0\n`);

  writeFileSync(join(pkg, 'content/renames.yml'), `renames:\n  - { version: ${NEXT}, from: ${OLD_DOC}, to: ${NEW_DOC} }\n  - { version: ${NEXT}, from: ${OLD_TEST}, to: ${NEW_TEST} }\n`);
  return pkg;
}

describe('a release that renames files', () => {
  it("moves the person's edited files to the new paths, merged with the new version, reported as rename", () => {
    const dir = tempDir('renames-');
    expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical', '-q'], dir).code).toBe(0);
    writeFile(dir, OLD_DOC, readFile(dir, OLD_DOC).replace('\n## Summary\n', '\nOur threat model lives in SECURITY.md.\n\n## Summary\n'));
    writeFile(dir, OLD_TEST, `# Our team owns these metrics.\n${readFile(dir, OLD_TEST)}`);

    const pkg = nextRelease();
    const next = (args: string[]) => spawnSync(process.execPath, [join(pkg, 'dist/cli.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const check = next(['update', '--check', '--json']);
    expect(check.status, check.stderr).toBe(1);
    const update = next(['update', '--json']);
    expect(update.status, update.stderr).toBe(0);
    const changes = JSON.parse(update.stdout).changes as { path: string; action: string; reason?: string }[];
    expect(changes).toContainEqual(expect.objectContaining({ path: OLD_DOC, action: 'rename', reason: expect.stringContaining(`moved to ${NEW_DOC} (renamed in Scaffold ${NEXT})`) }));
    expect(changes).toContainEqual(expect.objectContaining({ path: OLD_TEST, action: 'rename' }));

    expect(exists(dir, OLD_DOC)).toBe(false);
    expect(exists(dir, OLD_TEST)).toBe(false);
    const doc = readFile(dir, NEW_DOC);
    expect(doc).toContain('Our threat model lives in SECURITY.md.');
    expect(doc).toContain('which data it was trained on');
    expect(doc).not.toContain('<<<<<<<');
    const test = readFile(dir, NEW_TEST);
    expect(test.startsWith('# Our team owns these metrics.\n')).toBe(true);
    expect(test).toContain('def test_added_in_the_next_release');

    expect(next(['update', '--check']).status).toBe(0);
    const pytest = spawnSync('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', NEW_TEST], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(pytest.status, pytest.stdout + pytest.stderr).toBe(0);
  });

  it('leaves a file the person put at the new path alone', () => {
    const dir = tempDir('renames-');
    expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical', '-q'], dir).code).toBe(0);
    writeFile(dir, NEW_TEST, '# ours, written before the release\n');
    const update = spawnSync(process.execPath, [join(nextRelease(), 'dist/cli.cjs'), 'update'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(update.status, update.stderr).toBe(0);
    expect(readFile(dir, NEW_TEST)).toBe('# ours, written before the release\n');
    expect(update.stdout).toMatch(/skip\s+tests\/unit\/test_scores\.py/);
    expect(exists(dir, OLD_TEST)).toBe(false); // unedited: no longer generated, so it goes
  });
});
