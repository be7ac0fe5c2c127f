/**
 * The CLI contract scripts rely on (README "Exit codes" and "JSON output"): every command, in
 * success and in failure, exits with the documented code and, with --json, prints exactly one
 * JSON envelope on stdout whose `ok` is true exactly when the exit code is 0.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cli } from '../helpers/cli.js';
import { readFile, tempDir, writeFile } from '../helpers/project.js';

/** The envelope as the README documents it. */
const envelope = z.looseObject({
  ok: z.boolean(),
  command: z.string(),
  warnings: z.array(z.string()),
  errors: z.array(
    z.strictObject({
      code: z.enum(['usage', 'invalid', 'no-project', 'busy', 'environment', 'out-of-date', 'conflict', 'cancelled', 'internal']),
      message: z.string().min(1).refine((m) => !m.includes('\n'), 'one line'),
      file: z.string().optional(),
      line: z.int().positive().optional(),
      flag: z.string().startsWith('-').optional(),
      hint: z.string().optional(),
    }),
  ),
});

/** A fresh ml project. */
function project(): string {
  const dir = tempDir('contract-');
  expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
  return dir;
}
const empty = () => tempDir('contract-');
const edited = (dir: string, from: string, to: string) => writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace(from, to));

interface Row {
  /** What a script would be doing. */
  label: string;
  setup: () => string;
  args: string[];
  exit: 0 | 1 | 2;
  /** The first error's code, and what it names. */
  error?: { code: string; flag?: string; file?: string; line?: number };
  /** Fields of the command the envelope carries on success. */
  fields?: string[];
}

const TABLE: Row[] = [
  { label: 'init sets a project up', setup: empty, args: ['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], exit: 0, fields: ['projectType', 'changes', 'selection'] },
  { label: 'init --dry-run plans it', setup: empty, args: ['init', '--yes', '--dry-run', '--type', 'library', '--lib-visibility', 'public'], exit: 0, fields: ['changes', 'dryRun'] },
  { label: 'update on an up-to-date project (the fast path)', setup: project, args: ['update'], exit: 0, fields: ['projectType', 'changes', 'selection'] },
  { label: 'update --check on an up-to-date project', setup: project, args: ['update', '--check'], exit: 0, fields: ['selection'] },
  {
    label: 'update --check after config.yml changed',
    setup: () => {
      const dir = project();
      edited(dir, 'modelType: deep-learning', 'modelType: llm');
      return dir;
    },
    args: ['update', '--check'],
    exit: 1,
    error: { code: 'out-of-date' },
  },
  { label: 'list', setup: empty, args: ['list'], exit: 0, fields: ['types', 'knowledge', 'suites', 'agents'] },
  { label: 'list one kind for one type', setup: empty, args: ['list', 'suites', '--type', 'ml'], exit: 0, fields: ['suites'] },
  { label: 'show an entry', setup: project, args: ['show', 'ml-testing'], exit: 0, fields: ['entry', 'text', 'depth'] },
  { label: 'schema', setup: empty, args: ['schema'], exit: 0, fields: ['schema'] },
  { label: 'validate a good project', setup: project, args: ['validate'], exit: 0, fields: ['projectType'] },

  { label: 'an unknown command', setup: empty, args: ['frobnicate'], exit: 2, error: { code: 'usage' } },
  { label: 'a misspelt option of update', setup: project, args: ['update', '--chek'], exit: 2, error: { code: 'usage', flag: '--chek' } },
  { label: 'a misspelt option of list', setup: empty, args: ['list', '--typ', 'ml'], exit: 2, error: { code: 'usage', flag: '--typ' } },
  { label: 'a misspelt option of validate', setup: project, args: ['validate', '--strict'], exit: 2, error: { code: 'usage', flag: '--strict' } },
  { label: 'a misspelt option of schema', setup: empty, args: ['schema', '--out', 'x'], exit: 2, error: { code: 'usage', flag: '--out' } },
  { label: 'show without its entry', setup: empty, args: ['show'], exit: 2, error: { code: 'usage' } },
  { label: 'init with too many folders', setup: empty, args: ['init', 'a', 'b', '--yes'], exit: 2, error: { code: 'usage' } },
  { label: 'a type that does not exist', setup: empty, args: ['init', '--yes', '--type', 'game'], exit: 2, error: { code: 'invalid', flag: '--type' } },
  { label: 'a missing answer without a terminal', setup: empty, args: ['init', '--yes', '--type', 'ml'], exit: 2, error: { code: 'invalid', flag: '--ml-phase' } },
  { label: 'a depth that is not a level', setup: empty, args: ['init', '--yes', '--type', 'library', '--methodology', 'custom', '--depth', 'abc'], exit: 2, error: { code: 'invalid', flag: '--depth' } },
  { label: 'a rule across flags', setup: empty, args: ['init', '--yes', '--type', 'browser-extension', '--ext-ui-surfaces', '', '--no-ext-content-script', '--no-ext-background-worker'], exit: 2, error: { code: 'invalid', flag: '--ext-ui-surfaces' } },
  { label: 'a list that does not exist', setup: empty, args: ['list', 'recipes'], exit: 2, error: { code: 'invalid' } },
  { label: 'an entry that does not exist', setup: project, args: ['show', 'ml-testng'], exit: 2, error: { code: 'invalid' } },
  { label: 'update outside a project', setup: empty, args: ['update'], exit: 2, error: { code: 'no-project' } },
  { label: 'validate outside a project', setup: empty, args: ['validate'], exit: 2, error: { code: 'no-project' } },
  {
    label: 'validate a config.yml with a bad value',
    setup: () => {
      const dir = project();
      edited(dir, 'projectPhase: both', 'projectPhase: sometimes');
      return dir;
    },
    args: ['validate'],
    exit: 2,
    error: { code: 'invalid', file: '.scaffold/config.yml', line: 11 },
  },
  {
    label: 'update while another run holds the lock',
    setup: () => {
      const dir = project();
      edited(dir, 'modelType: deep-learning', 'modelType: llm');
      writeFile(dir, '.scaffold/lock', `${process.pid} 0123456789abcdef\n`);
      return dir;
    },
    args: ['update'],
    exit: 2,
    error: { code: 'busy' },
  },
  {
    label: 'init into a path that is a file',
    setup: () => {
      const dir = empty();
      writeFile(dir, 'app', 'a file\n');
      return dir;
    },
    args: ['init', 'app', '--yes', '--type', 'library', '--lib-visibility', 'public'],
    exit: 2,
    error: { code: 'invalid' },
  },
  {
    label: 'init below a path that is a file',
    setup: () => {
      const dir = empty();
      writeFile(dir, 'app', 'a file\n');
      return dir;
    },
    args: ['init', 'app/web', '--yes', '--type', 'library', '--lib-visibility', 'public'],
    exit: 2,
    error: { code: 'invalid' },
  },
  {
    label: 'a run whose disk fails (the lock is a folder)',
    setup: () => {
      const dir = project();
      edited(dir, 'modelType: deep-learning', 'modelType: llm');
      mkdirSync(join(dir, '.scaffold/lock'));
      return dir;
    },
    args: ['update'],
    exit: 2,
    error: { code: 'invalid' },
  },
];

describe('exit codes and the JSON envelope', () => {
  it.each(TABLE)('$label: exit $exit', ({ setup, args, exit, error, fields }) => {
    const dir = setup();
    // Without --json: the exit code, and one line of error on stderr for bad input.
    const plain = cli(args, dir);
    expect(plain.code, plain.stderr).toBe(exit);
    if (exit === 2) expect(plain.stderr).toMatch(/^error: .+/);

    const run = cli([...args, '--json'], setup());
    expect(run.code, run.stderr).toBe(exit);
    const parsed = envelope.safeParse(JSON.parse(run.stdout));
    expect(parsed.success, `${run.stdout}\n${parsed.error}`).toBe(true);
    const json = parsed.data!;
    expect(json.ok).toBe(exit === 0);
    expect(json.errors.length > 0).toBe(exit !== 0);
    if (error) expect(json.errors[0]).toMatchObject(error);
    for (const field of fields ?? []) expect(json, field).toHaveProperty(field);
  });

  it('prints a conflict left to resolve as exit 1 with the file named', () => {
    const dir = tempDir('contract-');
    cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-serving', 'realtime'], dir);
    const doc = 'docs/knowledge/ml-serving-patterns.md';
    writeFile(dir, doc, readFile(dir, doc).replace(/^.* serves predictions through a \*\*realtime\*\* API\..*$/m, 'Our team serves the model behind the gateway.'));
    edited(dir, 'servingPattern: realtime', 'servingPattern: batch');
    const run = cli(['update', '--json'], dir);
    expect(run.code).toBe(1);
    const json = envelope.parse(JSON.parse(run.stdout));
    expect(json).toMatchObject({ ok: false, errors: [{ code: 'conflict', file: doc }] });
  });

  it('--quiet (or -q) prints only the summary line', () => {
    for (const flag of ['--quiet', '-q']) {
      const run = cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'public', flag], tempDir('contract-'));
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toMatch(/^Done: /);
    }
  });
});
