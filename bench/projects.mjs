// Projects and packages for the update cases: a project written once by init and copied for each
// run (untimed), a person's edits in it, and a "next release" of the package whose knowledge
// entries changed, so that update has something to merge.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDir } from './measure.mjs';

/** The project every case runs on: a deep ml project, trained and served. */
export const ML = ['--yes', '--quiet', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'deep-learning'];
/** The knowledge entries the person edited and the next release changed, in "merging 5 edited files". */
export const FIVE = ['ml-testing', 'ml-architecture', 'ml-security', 'ml-requirements', 'ml-conventions'];
export const knowledgeFile = (dir, name) => join(dir, 'docs/knowledge', `${name}.md`);

/** "merging 5 edited files": a copy of `sample` where the person added a note to each of FIVE. */
export const editedFive = (sample) =>
  copyWith(sample, (dir) => {
    FIVE.forEach((name) => appendNote(knowledgeFile(dir, name)));
    freshConfigText(dir);
  });

/** "after an answer change": a copy of `sample` whose config.yml switches the model type. */
export const answerChanged = (sample) =>
  copyWith(sample, (dir) => {
    const config = join(dir, '.scaffold/config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('modelType: deep-learning', 'modelType: classical'));
    freshConfigText(dir);
  });

/** A project written by `init` with these flags; the bench copies it for each run. */
export function initialized(cli, flags) {
  const dir = freshDir();
  const run = spawnSync(process.execPath, [cli, 'init', dir, ...flags], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`init failed: ${run.stderr}`);
  return dir;
}

/** A fresh copy of `project`, with `edit(copy)` applied: the `prepare` step of a timed update. */
export function copyWith(project, edit = () => {}) {
  return () => {
    const copy = freshDir();
    cpSync(project, copy, { recursive: true });
    edit(copy);
    return { args: [copy] };
  };
}

let runs = 0;
/**
 * A comment of its own at the end of config.yml: the text differs from every earlier run's, so
 * Scaffold parses it as a person's first update after a change or a release does, instead of
 * taking the parse it kept from the warm-up run (src/source/kept-parse.ts).
 */
export function freshConfigText(dir) {
  const config = join(dir, '.scaffold/config.yml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}# bench run ${++runs}\n`);
}

/** A person's edit: a paragraph of their own at the end of a generated file. */
export function appendNote(file, text = '\n## Our notes\n\nWhat this team decided, in its own words.\n') {
  writeFileSync(file, readFileSync(file, 'utf8') + text);
}

/** A person's edit of `mib` MiB inserted after the first line: unique lines, or one line repeated. */
export function insertBlock(file, mib, repetitive) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < mib * 1024 * 1024; i++) {
    const line = repetitive ? '- the same note, again' : `- note ${i}: measured ${(i * 7919) % 100003} on run ${i % 97}`;
    lines.push(line);
    size += line.length + 1;
  }
  const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, [first, '', ...lines, ...rest].join('\n'));
}

/** A copy of the built package to change (content/, templates/), with `rebuild` to precompile it again. */
export function packageCopy(root, label) {
  const pkg = mkdtempSync(join(tmpdir(), `scaffold-bench-${label}-`));
  for (const part of ['dist', 'content', 'templates', 'package.json']) cpSync(join(root, part), join(pkg, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
  return {
    pkg,
    rebuild() {
      const build = spawnSync(process.execPath, [join(pkg, 'dist/build/precompile.js')], { stdio: 'ignore' });
      if (build.status !== 0) throw new Error(`precompiling the ${label} package failed`);
    },
    cleanup: () => rmSync(pkg, { recursive: true, force: true }),
  };
}

/**
 * A copy of the built package in which the knowledge entries `names` (of `type`) gained a line
 * in their checklist, as in a release that corrects them; built again so it runs as shipped.
 */
export function nextRelease(root, type, names) {
  const next = packageCopy(root, 'next');
  for (const name of names) {
    const file = join(next.pkg, 'content/knowledge', type, `${name}.md`);
    const text = readFileSync(file, 'utf8');
    if (!text.includes('\n## Checklist\n\n')) throw new Error(`${name} has no checklist`);
    writeFileSync(file, text.replace('\n## Checklist\n\n', '\n## Checklist\n\n- [ ] A check this release added.\n'));
  }
  next.rebuild();
  return next;
}
