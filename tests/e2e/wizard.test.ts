/** The wizard in a real pseudo-terminal, answered key by key as a person would. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, snapshot } from '../helpers/cli.js';
import { exists, readFile, tempDir } from '../helpers/project.js';

const DRIVER = fileURLToPath(new URL('./wizard-pty.py', import.meta.url));
const ENTER = '\\r';
const DOWN = '\\x1b[B';

function wizard(cwd: string, steps: string[]) {
  const run = spawnSync('python3', [DRIVER, cwd, process.execPath, CLI, '--', ...steps], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, output: run.stdout + run.stderr };
}

describe('the wizard in a terminal', () => {
  it('sets up a project from the answers typed', () => {
    const dir = tempDir('wizard-');
    const { code, output } = wizard(dir, [
      `Setting up ${dir}`, '', // the target folder, before any question
      'What kind of project is this?', `${DOWN}${ENTER}`, // data-pipeline
      'Project name', ENTER, // the folder name
      'How much should Scaffold set up?', `${DOWN}${ENTER}`, // mvp
      'How is data processed?', `${DOWN}${ENTER}`, // streaming
      'How are runs orchestrated?', ENTER,
      'How is data quality assured?', ENTER,
      'How are schemas managed?', ENTER,
      'Publish datasets to a data catalog?', ENTER,
      'Which coding agents', ENTER, // the defaults: AGENTS.md and CLAUDE.md
      'How often should a pull request bring a newer Scaffold?', ENTER, // off, the default for mvp
      'Your answers:', '',
      'processed?', '', // the summary lists each answer with its question
      'Writes ', '',
      'Write these files?', ENTER, // yes
    ]);
    expect(output).toContain('Next steps:');
    expect(code).toBe(0);
    const config = readFile(dir, '.scaffold/config.yml');
    expect(config).toContain('projectType: data-pipeline');
    expect(config).toContain('methodology: mvp');
    expect(config).toContain('processingModel: streaming');
    expect(exists(dir, 'docs/knowledge/data-pipeline-batch-patterns.md')).toBe(false);
    expect(config).toContain('agents:\n  - agents-md\n  - claude');
    expect(readFile(dir, 'CLAUDE.md')).toContain('@AGENTS.md');
  });

  it('asks a broken rule again and goes back from the summary to change an answer', () => {
    const dir = tempDir('wizard-');
    const { code, output } = wizard(dir, [
      'What kind of project is this?', ENTER, // browser-extension
      'Project name', ENTER,
      'How much should Scaffold set up?', `${DOWN}${ENTER}`, // mvp
      'Which manifest version?', ENTER,
      'Which browsers does the extension target?', ENTER, // chrome and edge
      'Which UI surfaces?', ` ${ENTER}`, // untick the popup: no surface
      'Inject a content script', `n${ENTER}`,
      'Run a background service worker?', `n${ENTER}`, // nothing left to run: the rule is broken
      'an extension needs at least one UI surface', '',
      'Which UI surfaces?', ` ${ENTER}`, // the popup again
      'Inject a content script', ENTER,
      'Run a background service worker?', ENTER,
      'Which coding agents', ENTER,
      'How often should a pull request bring a newer Scaffold?', ENTER,
      'Write these files?', `${DOWN}${ENTER}`, // change an answer
      'Which answer?', `${DOWN}${ENTER}`, // the project name
      'Project name', `renamed${ENTER}`,
      'Write these files?', ENTER,
    ]);
    expect(output).toContain('Next steps:');
    expect(code).toBe(0);
    const config = readFile(dir, '.scaffold/config.yml');
    expect(config).toContain('name: renamed');
    expect(config).toMatch(/uiSurfaces:\n\s+- popup/);
    expect(config).toContain('hasBackgroundWorker: false');
    expect(config).toMatch(/browsers:\n\s+- chrome\n\s+- edge\n/);
  });

  it('Ctrl+C exits 130 and writes nothing', () => {
    const dir = tempDir('wizard-');
    const { code, output } = wizard(dir, ['What kind of project is this?', ENTER, 'Project name', '\\x03']);
    expect(output).toContain('Cancelled. Nothing was written.');
    expect(code).toBe(130);
    expect(snapshot(dir)).toEqual({});
  });
});
