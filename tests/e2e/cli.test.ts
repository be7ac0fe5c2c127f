/** The built CLI, run in temp folders the way a person or a CI job runs it. */
import { chmodSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBlock } from '../../src/sync/block.js';
import { cli, snapshot } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const TYPES: [string, string[]][] = [
  ['ml', ['--ml-phase', 'both']],
  ['data-pipeline', ['--pipeline-processing', 'hybrid']],
  ['library', ['--lib-visibility', 'public']],
  ['browser-extension', ['--ext-ui-surfaces', 'popup,options', '--ext-content-script']],
  ['mobile-app', ['--mobile-platform', 'cross-platform', '--mobile-offline', 'offline-first']],
];

describe.each(TYPES)('scaffold init for a %s project', (type, flags) => {
  it('generates the config, the knowledge base and a suite; a re-run and --check change nothing', () => {
    const dir = tempDir();
    const first = cli(['init', 'app', '--yes', ...flags], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const project = join(dir, 'app');
    expect(readFile(project, '.scaffold/config.yml')).toContain(`projectType: ${type}`);
    expect(readFile(project, '.scaffold/config.yml')).toMatch(/^# yaml-language-server: \$schema=\.\/config\.schema\.json/);
    expect(JSON.parse(readFile(project, '.scaffold/config.schema.json')).title).toMatch(/Scaffold/);
    expect(readFile(project, 'docs/knowledge/README.md')).toContain(`${type}-requirements`);
    expect(exists(project, `docs/knowledge/${type}-testing.md`)).toBe(true);
    expect(exists(project, '.github/workflows/scaffold.yml')).toBe(true);
    expect(first.stdout).toMatch(/Done: \d+ created\./);
    expect(first.stdout).toContain('Next steps:');
    expect(first.stdout).toContain('cd app');

    const before = snapshot(project);
    const again = cli(['init', '--yes'], project);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Done: \d+ unchanged\./);
    expect(snapshot(project)).toEqual(before);
    expect(cli(['update', '--check'], project).code).toBe(0);
    expect(JSON.parse(cli(['update', '--check', '--json'], project).stdout)).toMatchObject({ ok: true, projectType: type, changes: [] });
  });
});

describe('next steps', () => {
  it.each([
    ['cross-platform', ['npm install', 'npm test'], ['swift', 'gradle']],
    ['ios', ['npm install', 'npm test', 'swift test'], ['gradle']],
    ['android', ['npm install', 'npm test', 'gradle'], ['swift']],
  ])('a %s app is told how to run each toolchain its suites need', (platform, told, notTold) => {
    const run = cli(['init', '--yes', '--type', 'mobile-app', '--mobile-platform', platform], tempDir());
    expect(run.code).toBe(0);
    const steps = run.stdout.slice(run.stdout.indexOf('Next steps:'));
    for (const command of told) expect(steps).toContain(command);
    for (const command of notTold) expect(steps).not.toContain(command);
  });
});

describe('next steps for a Python project', () => {
  it('make a virtual environment, with uv when it is on the PATH', () => {
    const withoutUv = cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], tempDir(), { PATH: dirname(process.execPath) });
    expect(withoutUv.stdout).toContain('python3 -m venv .venv && . .venv/bin/activate && python -m pip install -r requirements-dev.txt');
    const bin = tempDir();
    writeFile(bin, 'uv', '#!/bin/sh\n');
    chmodSync(join(bin, 'uv'), 0o755);
    const withUv = cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], tempDir(), { PATH: `${bin}:${dirname(process.execPath)}` });
    expect(withUv.stdout).toContain('uv venv && . .venv/bin/activate && uv pip install -r requirements-dev.txt');
    expect(withUv.stdout).not.toContain('python3 -m venv');
    expect(withUv.stdout).toContain('python -m pytest');
  });
});

describe('refresh after the config changes', () => {
  it('--check fails when config.yml was edited, update fixes it, and a second update is clean', () => {
    const dir = tempDir();
    expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
    expect(exists(dir, 'docs/knowledge/ml-serving-patterns.md')).toBe(true);
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('projectPhase: both', 'projectPhase: training').replace('servingPattern: realtime', 'servingPattern: none'));
    const check = cli(['update', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/delete\s+docs\/knowledge\/ml-serving-patterns\.md/);
    expect(check.stderr).toContain('run `npx scaffold-overlays update`');
    expect(exists(dir, 'docs/knowledge/ml-serving-patterns.md')).toBe(true);
    expect(cli(['update'], dir).code).toBe(0);
    expect(exists(dir, 'docs/knowledge/ml-serving-patterns.md')).toBe(false);
    const before = snapshot(dir);
    expect(cli(['update'], dir).stdout).toMatch(/Done: \d+ unchanged\./);
    expect(snapshot(dir)).toEqual(before);
  });

  it('switches deep -> mvp -> deep, keeping what the person edited, and is clean after each switch', () => {
    const dir = tempDir();
    expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
    const config = () => readFile(dir, '.scaffold/config.yml');
    // A note in an entry mvp keeps (core) and in one it drops (extended).
    writeFile(dir, 'docs/knowledge/ml-testing.md', `${readFile(dir, 'docs/knowledge/ml-testing.md')}\nOur note on testing.\n`);
    writeFile(dir, 'docs/knowledge/ml-security.md', `${readFile(dir, 'docs/knowledge/ml-security.md')}\nOur note on security.\n`);

    writeFile(dir, '.scaffold/config.yml', config().replace('methodology: deep', 'methodology: mvp'));
    const toMvp = cli(['update'], dir);
    expect(toMvp.code).toBe(0);
    expect(toMvp.stdout).toMatch(/merge\s+docs\/knowledge\/ml-testing\.md/);
    expect(toMvp.stdout).toMatch(/keep\s+docs\/knowledge\/ml-security\.md\s+\(no longer generated, but you edited it/);
    expect(toMvp.stdout).toMatch(/delete\s+docs\/knowledge\/ml-observability\.md/);
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).not.toContain('## Deep Guidance');
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).toContain('Our note on testing.');
    expect(exists(dir, 'docs/knowledge/ml-observability.md')).toBe(false);
    expect(exists(dir, '.github/workflows/scaffold.yml')).toBe(false);
    expect(cli(['update', '--check'], dir).code).toBe(0);

    writeFile(dir, '.scaffold/config.yml', config().replace('methodology: mvp', 'methodology: deep'));
    const toDeep = cli(['update'], dir);
    expect(toDeep.code).toBe(0);
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).toContain('## Deep Guidance');
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).toContain('Our note on testing.');
    expect(readFile(dir, 'docs/knowledge/ml-security.md')).toContain('Our note on security.');
    expect(exists(dir, 'docs/knowledge/ml-observability.md')).toBe(true);
    expect(cli(['update', '--check'], dir).code).toBe(0);
    const before = snapshot(dir);
    expect(cli(['update'], dir).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('marks a conflicting edit, exits 1, lists it in --json, and waits until it is resolved', () => {
    const dir = tempDir();
    cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-serving', 'realtime'], dir);
    const doc = 'docs/knowledge/ml-serving-patterns.md';
    // The person rewrites the opening line; the new answer (batch) rewrites the same line.
    writeFile(dir, doc, readFile(dir, doc).replace(/^.* serves predictions through a \*\*realtime\*\* API\..*$/m, 'Our team serves the model behind the gateway.'));
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('servingPattern: realtime', 'servingPattern: batch'));
    const result = cli(['update', '--json'], dir);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(false);
    expect(json.conflicts).toEqual([doc]);
    const text = readFile(dir, doc);
    expect(text).toMatch(/<<<<<<< yours\nOur team serves the model behind the gateway\.\n=======\n.*\*\*batch\*\* scoring jobs.*\n>>>>>>> scaffold \d+\.\d+\.\d+/);
    const again = cli(['update'], dir);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/conflict\s+docs\/knowledge\/ml-serving-patterns\.md\s+\(still has conflict markers/);
    expect(readFile(dir, doc)).toBe(text);
    writeFile(dir, doc, text.replace(/<<<<<<< yours\n(.*)\n=======\n.*\n>>>>>>> scaffold .*\n/, '$1\n'));
    expect(cli(['update'], dir).code).toBe(0);
    expect(cli(['update', '--check'], dir).code).toBe(0);
    expect(readFile(dir, doc)).toContain('Our team serves the model behind the gateway.');
  });

  it('re-running init with a changed flag updates config.yml in place and refreshes', () => {
    const dir = tempDir();
    cli(['init', '--yes', '--type', 'mobile-app', '--mobile-platform', 'ios'], dir);
    expect(exists(dir, 'docs/knowledge/mobile-app-push-notifications.md')).toBe(false);
    const result = cli(['init', '--yes', '--mobile-push-notifications'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/update\s+\.scaffold\/config\.yml/);
    expect(readFile(dir, '.scaffold/config.yml')).toContain('hasPushNotifications: true');
    expect(exists(dir, 'docs/knowledge/mobile-app-push-notifications.md')).toBe(true);
  });
});

describe('bad input exits 2 and writes nothing', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown project type', ['init', '--yes', '--type', 'game'], /--type: expected browser-extension\|data-pipeline\|library\|ml\|mobile-app, found "game"/],
    ['a bad answer value', ['init', '--yes', '--ml-phase', 'train'], /--ml-phase: expected training\|inference\|both, found "train" \(did you mean training\?\)/],
    ['flags of two types', ['init', '--yes', '--ml-phase', 'both', '--lib-visibility', 'public'], /are for different project types/],
    ['a type flag against --type', ['init', '--yes', '--type', 'library', '--ml-phase', 'both'], /--ml-phase is for ml projects, but --type is library/],
    ['a missing required answer', ['init', '--type', 'ml'], /--ml-phase is required for ml projects: pass --ml-phase training\|inference\|both/],
    ['no type and no terminal', ['init'], /--type is required without a terminal/],
    ['an unknown option', ['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--colour'], /unknown option '--colour'/],
    ['a contradiction between answers', ['init', '--yes', '--ml-phase', 'training', '--ml-serving', 'batch'], /a training-only project serves nothing/],
    ['a missing answers file', ['init', '--answers', 'nope.yml'], /--answers .*nope.yml: file not found/],
    ['a depth that is not a level', ['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--methodology', 'custom', '--depth', 'deep'], /--depth: expected summary\|full, found "deep"/],
  ];
  it.each(cases)('%s', (_, args, message) => {
    const dir = tempDir();
    const result = cli(args, dir);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(result.code).toBe(2);
    expect(snapshot(dir)).toEqual({});
  });

  it("suggests the answer flag meant when one is misspelt, whichever type's it is", () => {
    const dir = tempDir();
    for (const [wrong, meant] of [['--ml-phse', '--ml-phase'], ['--lib-visiblity', '--lib-visibility']] as const) {
      const result = cli(['init', '--yes', '--type', 'ml', wrong, 'x'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown option '${wrong}'`);
      expect(result.stderr).toContain(`Did you mean ${meant}?`);
    }
    expect(snapshot(dir)).toEqual({});
  });

  it('a broken config.yml, with its line, on update and validate', () => {
    const dir = tempDir();
    cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'internal'], dir);
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('bundleFormat: dual', 'bundleFormat: umd'));
    const before = snapshot(dir);
    const update = cli(['update'], dir);
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/^error: \.scaffold\/config\.yml:\d+: library\.bundleFormat: expected esm\|cjs\|dual\|unbundled, found "umd"/);
    const validate = cli(['validate'], dir);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('library.bundleFormat');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a local overlay naming an entry that does not exist, with a did-you-mean', () => {
    const dir = tempDir();
    cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir);
    writeFile(dir, '.scaffold/overlays/team.yml', 'knowledge:\n  remove: [ml-securty]\n');
    const result = cli(['validate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.scaffold/overlays/team.yml:2: unknown knowledge entry "ml-securty" (did you mean ml-security?)');
  });
});

describe('an old depth number (the 1-5 scale before summary and full)', () => {
  const LIB = ['--type', 'library', '--lib-visibility', 'internal', '--name', 'lib', '--methodology', 'custom'];
  const ENTRY = 'docs/knowledge/library-testing.md';
  /** A custom project at `depth`, then its config.yml's depth line swapped for an old number, a comment above and beside it. */
  const oldProject = (depth: string, old: number) => {
    const dir = tempDir();
    expect(cli(['init', '--yes', ...LIB, '--depth', depth], dir).code).toBe(0);
    const named = readFile(dir, '.scaffold/config.yml');
    const text = named.replace(`depth: ${depth}\n`, `# how much we read\ndepth: ${old} # set in 2025\n`);
    writeFile(dir, '.scaffold/config.yml', text);
    return { dir, text, line: text.split('\n').indexOf(`depth: ${old} # set in 2025`) + 1 };
  };

  it.each([['full', 4], ['summary', 2]] as const)('renders what %s renders for depth %i, warns with file and line, and a writing update rewrites just that line', (depth, old) => {
    const { dir, text, line } = oldProject(depth, old);
    const fresh = tempDir();
    cli(['init', '--yes', ...LIB, '--depth', depth], fresh);
    const warning = `.scaffold/config.yml:${line}: depth ${old} is now written "depth: ${depth}" (${depth === 'full' ? 'levels 3 to 5' : 'levels 1 and 2'} rendered the same);`;

    // Reading commands warn once, one line, and change nothing.
    const validate = cli(['validate'], dir);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toBe(`warning: ${warning} \`scaffold update\` rewrites the line\n`);
    expect(cli(['show', 'library-testing'], dir).stdout).toBe(cli(['show', 'library-testing'], fresh).stdout);

    // --check: the line is drift the next update fixes, so it exits 1, and --json says why.
    const check = cli(['update', '--check', '--json'], dir);
    expect(check.code).toBe(1);
    const json = JSON.parse(check.stdout);
    expect(json.warnings).toEqual([`${warning} \`scaffold update\` rewrites the line`]);
    expect(json.changes).toEqual([{ path: '.scaffold/config.yml', action: 'update', source: 'answers' }]);
    expect(readFile(dir, '.scaffold/config.yml')).toBe(text);

    // A writing update: that line only, comments kept; the knowledge is what the level renders.
    const update = cli(['update'], dir);
    expect(update.code).toBe(0);
    expect(update.stderr).toBe(`warning: ${warning} this run rewrites the line\n`);
    expect(update.stdout).toMatch(/update\s+\.scaffold\/config\.yml/);
    expect(readFile(dir, '.scaffold/config.yml')).toBe(text.replace(`depth: ${old} #`, `depth: ${depth} #`));
    expect(readFile(dir, ENTRY)).toBe(readFile(fresh, ENTRY));

    // The next run is silent and up to date.
    const again = cli(['update'], dir);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^Done: \d+ unchanged\.$/m);
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });

  it('validate says an old number next to the errors it finds, in text and in the envelope', () => {
    const { dir, line } = oldProject('full', 4);
    writeFile(dir, '.scaffold/overlays/team.yml', 'knowledge:\n  add: [library-testng]\n');
    const warning = `.scaffold/config.yml:${line}: depth 4 is now written "depth: full"`;
    const text = cli(['validate'], dir);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(new RegExp(`^warning: ${warning.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\nerror: \.scaffold/overlays/team\.yml:2: unknown knowledge entry "library-testng"`));
    const json = JSON.parse(cli(['validate', '--json'], dir).stdout);
    expect(json.ok).toBe(false);
    expect(json.warnings).toEqual([expect.stringContaining(warning)]);
    expect(json.errors[0].message).toContain('unknown knowledge entry "library-testng" (did you mean library-testing?)');
  });

  it('init on a config with an old number rewrites the line too, and says so', () => {
    const { dir, text, line } = oldProject('full', 5);
    const result = cli(['init', '--yes'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: .scaffold/config.yml:${line}: depth 5 is now written "depth: full"`);
    expect(readFile(dir, '.scaffold/config.yml')).toBe(text.replace('depth: 5 #', 'depth: full #'));
  });

  it('--depth 3 still works, as full, with a warning', () => {
    const dir = tempDir();
    const result = cli(['init', '--yes', ...LIB, '--depth', '3'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('warning: --depth: depth 3 is now written "--depth full" (levels 3 to 5 rendered the same); pass --depth full\n');
    expect(readFile(dir, '.scaffold/config.yml')).toMatch(/^depth: full$/m);
    expect(readFile(dir, ENTRY)).toContain('(depth full)');
  });

  it('an overlay\'s old number names the overlay file, and renders as its level', () => {
    // A local overlay's depth wins over the preset's (methodology deep); custom's config.yml depth would win over it.
    const dir = tempDir();
    cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'internal'], dir);
    expect(readFile(dir, ENTRY)).toContain('## Deep Guidance');
    writeFile(dir, '.scaffold/overlays/team.yml', '# ours\ndepth: 1\n');
    const list = JSON.parse(cli(['list', 'types', '--json'], dir).stdout);
    expect(list.warnings).toEqual(['.scaffold/overlays/team.yml:2: depth 1 is now written "depth: summary" (levels 1 and 2 rendered the same); edit that line (until then Scaffold reads the number as before)']);
    const update = cli(['update'], dir);
    expect(update.stderr).toContain('warning: .scaffold/overlays/team.yml:2: depth 1 is now written "depth: summary"');
    expect(readFile(dir, ENTRY)).not.toContain('## Deep Guidance');
    // Nothing rewrites the overlay, so the next update, with nothing to write, still says it.
    const again = cli(['update'], dir);
    expect(again.stdout).toMatch(/^Done: \d+ unchanged\.$/m);
    expect(again.stderr).toContain('warning: .scaffold/overlays/team.yml:2: depth 1 is now written "depth: summary"');
  });
});

describe('the other commands', () => {
  it('--dry-run --json prints the plan and the resolved selection, writing nothing', () => {
    const dir = tempDir();
    const result = cli(['init', '--dry-run', '--json', '--type', 'ml', '--ml-phase', 'training', '--methodology', 'mvp'], dir);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ ok: true, command: 'init', projectType: 'ml', dryRun: true, conflicts: [], errors: [] });
    expect(json.selection.depth).toBe('summary');
    expect(json.selection.knowledge.map((k: { name: string }) => k.name).sort()).toEqual(
      ['ml-architecture', 'ml-project-structure', 'ml-requirements', 'ml-testing', 'ml-training-patterns'],
    );
    expect(json.changes.every((c: { action: string }) => c.action === 'create')).toBe(true);
    expect(snapshot(dir)).toEqual({});
  });

  it('list, show, schema and validate answer as documented', () => {
    const dir = tempDir();
    expect(cli(['list', 'types'], dir).stdout).toContain('browser-extension');
    const knowledge = JSON.parse(cli(['list', 'knowledge', '--type', 'ml', '--json'], dir).stdout).knowledge;
    expect(knowledge).toHaveLength(12);
    const shown = cli(['show', 'ml-serving-patterns', '--ml-phase', 'inference', '--ml-serving', 'batch', '--depth', 'summary'], dir).stdout;
    expect(shown).toMatch(/^# /);
    // The review month and the sources, as in the project's file.
    expect(shown).toMatch(/^> Reviewed \d{4}-\d{2} against \d+ sources?, listed at the end\.$/m);
    expect(shown).toContain('\n## Sources\n');
    const unknown = cli(['show', 'ml-testng'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown knowledge entry "ml-testng" (did you mean ml-testing?)');
    expect(JSON.parse(cli(['schema'], dir).stdout).properties.projectType.enum).toHaveLength(5);
    cli(['init', '--yes', '--type', 'data-pipeline', '--pipeline-processing', 'batch'], dir);
    expect(cli(['validate'], dir)).toMatchObject({ code: 0, stdout: 'valid: .scaffold/config.yml\n' });
  });

  it('--version and --help exit 0; every command has an example in its help', () => {
    const dir = tempDir();
    const version = cli(['--version'], dir);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    for (const command of ['init', 'update', 'list', 'show', 'validate', 'schema']) {
      const help = cli([command, '--help'], dir);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:'.slice(0, 7));
    }
    // Every type's answer flags, however help is asked for (a run defines only the flags it names).
    for (const help of [['init', '--help'], ['help', 'init'], ['show', '--help']]) {
      const text = cli(help, dir).stdout;
      for (const flag of ['--ml-phase <value>', '--lib-visibility <value>', '--no-ext-content-script']) expect(text, help.join(' ')).toContain(flag);
    }
  });
});

describe('scaffold init in a folder fresh from npm init -y', () => {
  it('sets package.json up as if empty, so the extension keeps one version number', () => {
    const dir = tempDir();
    // What npm 11's `npm init -y` writes.
    const npmInit = {
      name: 'ext', version: '1.0.0', description: '', main: 'index.js',
      scripts: { test: 'echo "Error: no test specified" && exit 1' }, keywords: [], author: '', license: 'ISC', type: 'commonjs',
    };
    writeFile(dir, 'package.json', `${JSON.stringify(npmInit, null, 2)}\n`);
    expect(cli(['init', '.', '--yes', '--type', 'browser-extension'], dir).code).toBe(0);
    const pkg = JSON.parse(readFile(dir, 'package.json'));
    expect(pkg).toMatchObject({ type: 'module', scripts: { test: 'vitest run' }, license: 'ISC' });
    expect(JSON.parse(readFile(dir, 'manifest.json')).version).toBe(pkg.version);
  });
});

describe('the built CLI renders what the sources render', () => {
  it('writes the golden FilePlan of a deep ml project, byte for byte', () => {
    // The build stores parsed templates and content; this pins that path to the
    // golden tree the source path is compared with in tests/golden.
    const dir = tempDir();
    const project = join(dir, 'golden-project');
    const args = ['--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical', '--ml-serving', 'realtime', '--agents', 'all'];
    expect(cli(['init', 'golden-project', ...args], dir).code).toBe(0);
    const golden = fileURLToPath(new URL('../golden/ml-deep/', import.meta.url));
    const planned = readFileSync(join(golden, '_plan.txt'), 'utf8').trim().split('\n').map((line) => line.split('  '));
    for (const [path, policy] of planned) {
      // A block's (or a lines') file holds the planned text between Scaffold's two marker lines.
      const written = policy === 'block' || policy === 'lines' ? findBlock(readFile(project, path!))!.inner : readFile(project, path!);
      expect(written, path).toBe(readFile(golden, path!));
    }
  });
});
