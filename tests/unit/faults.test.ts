/**
 * Kill Scaffold at every step, fill the disk, take the permission away: the next run finishes the
 * job with every line a person wrote still there (issue 14). For every step N of an init, and of
 * a refresh that brings a changed answer into a project the person has edited, the run is
 * stopped at N (killed: nothing after N reaches the disk; or failed with ENOSPC or EACCES), and
 * one ordinary run follows. After it: every line the person wrote is present, no file holds
 * conflict markers (the edits do not overlap the change, so no conflict is real), update --check
 * is clean, and nothing is left over: no temp file, no lock, no pending bases.
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../../src/commands/init.js';
import { update } from '../../src/commands/update.js';
import { UserError } from '../../src/errors.js';
import { faultyDisk, Killed, type Fault } from '../helpers/faults.js';
import { tempDir, testContext, writeFile } from '../helpers/project.js';

/** A small library project with every policy: managed, seed, the shared package.json, config. */
const ANSWERS = `name: faults-demo
projectType: library
methodology: custom
depth: 1
library: { visibility: internal, runtimeTarget: browser, bundleFormat: esm, documentationLevel: readme }
overlay:
  knowledge: { replace: [library-testing] }
  suites: { replace: [library-unit] }
`;
const INIT = { yes: true, quiet: true, answers: 'answers.yml' };

/** Lines the person wrote, and where; each must survive every fault. */
const EDITS: [string, string][] = [
  ['docs/knowledge/library-testing.md', '\nOur team runs the browser tests in CI nightly.\n'],
  ['src/index.ts', '\n// our own export, kept\nexport const ours = 1;\n'],
];

function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => !f.startsWith('node_modules') && statSync(join(dir, f)).isFile());
}

function expectFinished(dir: string, withEdits: boolean, step = 0): void {
  const files = everyFile(dir);
  expect(files.filter((f) => /scaffold-tmp$|(^|\/)lock($|\.)|base\.json\.next$|\.orig(\.\d+)?$/.test(f)), `step ${step}: leftovers`).toEqual([]);
  for (const file of files) expect(readFileSync(join(dir, file), 'latin1'), file).not.toMatch(/^<<<<<<< yours$/m);
  if (withEdits) {
    for (const [file, line] of EDITS) expect(readFileSync(join(dir, file), 'utf8'), file).toContain(line.trim());
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).author).toBe('Our Team');
  }
}

async function check(dir: string): Promise<number> {
  return update(undefined, { check: true, quiet: true }, testContext(dir));
}

/** Every file's bytes: what a project is. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(everyFile(dir).map((f) => [relative(dir, join(dir, f)), readFileSync(join(dir, f), 'latin1')]));
}

/** The files whose bytes differ, with the first line where they do. */
function differences(actual: Record<string, string>, wanted: Record<string, string>): string[] {
  return [...new Set([...Object.keys(actual), ...Object.keys(wanted)])].flatMap((file) => {
    if (actual[file] === wanted[file]) return [];
    const a = (actual[file] ?? '(missing)').split('\n');
    const w = (wanted[file] ?? '(missing)').split('\n');
    const at = a.findIndex((line, i) => line !== w[i]);
    return [`${file}:${at + 1}: ${JSON.stringify(a[at]?.slice(0, 120))} instead of ${JSON.stringify(w[at]?.slice(0, 120))}`];
  });
}

/**
 * Run `step` on a fresh copy of `start` for every N, stopped by `fault`, then `recover`. A killed
 * run, once recovered, must leave exactly what an uninterrupted run leaves, records included.
 */
async function everyStep(start: string, fault: Fault, step: (dir: string, disk: ReturnType<typeof faultyDisk>) => Promise<number>, recover: (dir: string) => Promise<number>, withEdits: boolean) {
  const counting = faultyDisk(Infinity, fault);
  const probe = tempDir();
  cpSync(start, probe, { recursive: true });
  expect(await step(probe, counting)).toBe(0);
  expect(counting.steps).toBeGreaterThan(10);
  const uninterrupted = contents(probe);
  for (let n = 1; n <= counting.steps; n++) {
    const dir = tempDir();
    cpSync(start, dir, { recursive: true });
    const outcome = await step(dir, faultyDisk(n, fault)).then(
      (code) => ({ code }),
      (error: unknown) => ({ error }),
    );
    if (fault === 'kill') expect('error' in outcome && outcome.error instanceof Killed, `step ${n}: the run should have been killed`).toBe(true);
    else {
      // The environment failed it: one line, exit 2 (program.ts), never an internal error.
      const error = 'error' in outcome ? outcome.error : undefined;
      expect(error, `step ${n}`).toBeInstanceOf(UserError);
      expect((error as UserError).message, `step ${n}`).toMatch(new RegExp(`\\(${fault}\\)`));
    }
    expect(await recover(dir), `step ${n}: the recovery run`).toBe(0);
    expect(await check(dir), `step ${n}: update --check after recovery`).toBe(0);
    expectFinished(dir, withEdits, n);
    if (fault === 'kill') expect(differences(contents(dir), uninterrupted), `step ${n}: the same files as a run never stopped`).toEqual([]);
  }
}

function freshFolder(): string {
  const dir = tempDir();
  writeFile(dir, 'answers.yml', ANSWERS);
  return dir;
}

/** Set up, edited by the person, with an answer changed in config.yml: what a refresh starts from. */
async function editedProject(): Promise<string> {
  const dir = freshFolder();
  expect(await init(undefined, INIT, testContext(dir))).toBe(0);
  for (const [file, line] of EDITS) writeFile(dir, file, readFileSync(join(dir, file), 'utf8') + line);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  writeFile(dir, 'package.json', `${JSON.stringify({ ...pkg, author: 'Our Team' }, null, 2)}\n`);
  const config = readFileSync(join(dir, '.scaffold/config.yml'), 'utf8');
  expect(config).toContain('runtimeTarget: browser');
  writeFile(dir, '.scaffold/config.yml', config.replace('runtimeTarget: browser', 'runtimeTarget: edge'));
  return dir;
}

const initRun = (dir: string, disk?: ReturnType<typeof faultyDisk>) => init(undefined, INIT, { ...testContext(dir), disk });
const updateRun = (dir: string, disk?: ReturnType<typeof faultyDisk>) => update(undefined, { quiet: true }, { ...testContext(dir), disk });

describe.each(['kill', 'ENOSPC', 'EACCES'] as Fault[])('stopped at every step (%s)', (fault) => {
  it('an init is finished by running it again', async () => {
    await everyStep(freshFolder(), fault, initRun, (dir) => initRun(dir), false);
  });

  it('a refresh with the person\'s edits and a changed answer is finished by the next update', async () => {
    const start = await editedProject();
    // The refresh really changes what the person edited: the merge is part of every step.
    const dry = testContext(start);
    expect(await update(undefined, { dryRun: true, json: true }, dry)).toBe(0);
    const actions = (JSON.parse(dry.out) as { changes: { path: string; action: string }[] }).changes;
    expect(actions.filter((c) => c.action === 'merge').map((c) => c.path)).toContain('docs/knowledge/library-testing.md');
    await everyStep(start, fault, updateRun, (dir) => updateRun(dir), true);
  });
});

describe('a conflict the person resolved', () => {
  it('stays resolved through a refresh killed at any step', async () => {
    // A line the person rewrote, which the answer change also rewrites: a real conflict, resolved.
    const dir = freshFolder();
    expect(await init(undefined, INIT, testContext(dir))).toBe(0);
    const file = 'docs/knowledge/library-testing.md';
    const before = readFileSync(join(dir, file), 'utf8');
    const config = readFileSync(join(dir, '.scaffold/config.yml'), 'utf8');
    writeFile(dir, '.scaffold/config.yml', config.replace('runtimeTarget: browser', 'runtimeTarget: edge'));
    const probe = tempDir();
    cpSync(dir, probe, { recursive: true });
    expect(await updateRun(probe)).toBe(0);
    const changed = readFileSync(join(probe, file), 'utf8').split('\n');
    const line = before.split('\n').find((l) => l.startsWith('- ') && !changed.includes(l));
    expect(line, 'a Summary line the answer change rewrites').toBeDefined();
    writeFile(dir, file, before.replace(line!, '- Our own rule for this, which we keep.'));
    expect(await updateRun(dir)).toBe(1);
    expect(readFileSync(join(dir, file), 'utf8')).toContain('<<<<<<< yours');
    // Resolved by keeping ours; then an answer that changes other lines.
    writeFile(dir, file, readFileSync(join(dir, file), 'utf8').replace(/<<<<<<< yours\n([^]*?)=======\n[^]*?>>>>>>> scaffold [^\n]*\n/g, '$1'));
    expect(await updateRun(dir)).toBe(0);
    const resolved = readFileSync(join(dir, '.scaffold/config.yml'), 'utf8');
    writeFile(dir, '.scaffold/config.yml', resolved.replace('bundleFormat: esm', 'bundleFormat: dual').replace('documentationLevel: readme', 'documentationLevel: api-docs'));
    await everyStep(dir, 'kill', updateRun, (d) => updateRun(d), false);
  });
});

it('leaves the same files as an uninterrupted run', async () => {
  // The recovered project is the project: compare one killed-and-recovered refresh with a clean one.
  const start = await editedProject();
  const clean = tempDir();
  const broken = tempDir();
  cpSync(start, clean, { recursive: true });
  cpSync(start, broken, { recursive: true });
  expect(await updateRun(clean)).toBe(0);
  await updateRun(broken, faultyDisk(12, 'kill')).catch(() => undefined);
  expect(await updateRun(broken)).toBe(0);
  const contents = (dir: string) => Object.fromEntries(everyFile(dir).map((f) => [relative(dir, join(dir, f)), readFileSync(join(dir, f), 'latin1')]));
  expect(contents(broken)).toEqual(contents(clean));
});
