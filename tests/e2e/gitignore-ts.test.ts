/**
 * .gitignore for the TypeScript types that build (library, browser-extension), run through the
 * built CLI: a fresh project gets one; a person's own .gitignore keeps every line, in order, and
 * gains only the lines it lacks, in one marked group; running again adds nothing; and the
 * template is in the published package, which npm builds without any file named .gitignore (so
 * the template is .gitignore.hbs). That git then stages no node_modules or dist/ after a build is
 * checked on real builds in tests/generated.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/catalog/files.js';
import { cli } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/project.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const MINE = ['# build output of my own', '/out', 'node_modules/', '*.log', '', '.env', 'dist/', '.DS_Store', ''].join('\n');

const TYPES = [
  { type: 'library', suite: 'library-unit', flags: ['--lib-visibility', 'internal', '--lib-doc-level', 'none'], wants: ['node_modules', 'dist/', '*.tgz', 'coverage/'] },
  { type: 'browser-extension', suite: 'browser-extension-unit', flags: [], wants: ['node_modules', 'dist/', 'web-ext-artifacts/', '*.pem'] },
];

const gitignore = (dir: string) => readFileSync(join(dir, '.gitignore'), 'utf8');
/** The lines between Scaffold's markers, without comments and blank lines. */
const ownLines = (text: string) =>
  text
    .slice(text.indexOf('# scaffold:begin'))
    .split('\n')
    .slice(1, -2)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe.each(TYPES)('.gitignore for $type', ({ type, suite, flags, wants }) => {
  it('is written for a fresh project, ignoring dependencies, build output and editor files', () => {
    const dir = tempDir();
    expect(cli(['init', '--yes', '--type', type, ...flags], dir).code).toBe(0);
    const lines = gitignore(dir).split('\n');
    for (const line of [...wants, '.DS_Store', '.idea/']) expect(lines).toContain(line);
  });

  it("keeps a person's .gitignore as it was and adds only what it lacks, once", () => {
    const dir = tempDir();
    writeFile(dir, '.gitignore', MINE);
    const init = cli(['init', '--yes', '--type', type, ...flags], dir);
    expect(init.code, init.stderr).toBe(0);

    const text = gitignore(dir);
    expect(text.startsWith(MINE)).toBe(true);
    const added = ownLines(text.slice(MINE.length));
    const mine = new Set(MINE.split('\n').map((line) => line.trim()));
    expect(added.filter((line) => mine.has(line))).toEqual([]);
    expect(added).toEqual(expect.arrayContaining(wants.filter((line) => !mine.has(line))));
    expect(text.match(/# scaffold:begin/g)).toHaveLength(1);

    const again = cli(['update'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(gitignore(dir)).toBe(text);
  });

  it("is published: npm pack keeps every file of the type's base suite", () => {
    const files = filesUnder(join(ROOT, 'templates', suite, 'files')).map((file) => `templates/${suite}/files/${file}`);
    expect(files).toContain(`templates/${suite}/files/.gitignore.hbs`);
    const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const packed = new Set(report.files.map((file) => file.path));
    expect(files.filter((file) => !packed.has(file))).toEqual([]);
  });
});
