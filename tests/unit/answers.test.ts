import { describe, expect, it } from 'vitest';
import { readTypeFlags } from '../../src/answers/flags.js';
import type { Prompter, PromptChoice } from '../../src/answers/prompter.js';
import { folderDefault, resolveAnswers, type ResolveInput } from '../../src/answers/resolve.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnswersFile, validateConfig } from '../../src/config/load.js';
import { parseYamlSource } from '../../src/source/source.js';
import { CancelledError } from '../../src/errors.js';
import { tempDir } from '../helpers/project.js';

const noFlags = { typeAnswers: { values: new Map() } };
const resolve = (input: Partial<ResolveInput>) => resolveAnswers({ flags: noFlags, folderName: 'demo', ...input });

/** Answers for a question asked more than once, in order. */
class Answers {
  constructor(readonly values: unknown[]) {}
}
const inTurn = (...values: unknown[]) => new Answers(values);

/**
 * A prompter that answers from a script keyed by question, and records what it was asked (with
 * the choices offered and the default or checked ones) and the notes shown. The summary's
 * confirm is answered "write" unless the script says otherwise.
 */
function scripted(script: Record<string, unknown>) {
  const answers: Record<string, unknown> = { 'Write these files?': 'write', 'How often should a pull request bring a newer Scaffold?': 'weekly', ...script };
  const asked: { message: string; choices?: unknown[]; preset?: unknown }[] = [];
  const notes: string[] = [];
  const answer = (message: string, choices?: PromptChoice<unknown>[], preset?: unknown) => {
    asked.push({ message, choices: choices?.map((c) => c.value), preset });
    if (!(message in answers)) throw new Error(`unexpected question: ${message}`);
    let value = answers[message];
    if (value instanceof Answers) value = value.values.length > 1 ? value.values.shift() : value.values[0];
    if (value instanceof Error) throw value;
    return Promise.resolve(value as never);
  };
  const prompter: Prompter = {
    select: (message, choices, preset) => answer(message, choices, preset),
    checkbox: (message, choices) => answer(message, choices, choices.filter((c) => c.checked).map((c) => c.value)),
    confirm: (message, preset) => answer(message, undefined, preset),
    input: (message, preset) => answer(message, undefined, preset),
    note: (text) => void notes.push(text),
  };
  return { prompter, asked, notes };
}

/** A person who takes every default the wizard offers. */
function acceptsDefaults() {
  const asked: string[] = [];
  const notes: string[] = [];
  const prompter: Prompter = {
    select: (message, choices, preset) => (asked.push(message), Promise.resolve(preset ?? choices[0]!.value)),
    checkbox: (message, choices) => (asked.push(message), Promise.resolve(choices.filter((c) => c.checked).map((c) => c.value))),
    confirm: (message, preset) => (asked.push(message), Promise.resolve(preset)),
    input: (message, preset) => (asked.push(message), Promise.resolve(preset)),
    note: (text) => void notes.push(text),
  };
  return { prompter, asked, notes };
}

describe('answer flags', () => {
  it('are read from commander options; a flag implies its type', () => {
    const flags = readTypeFlags({ mlPhase: 'both', mlExperimentTracking: false }, undefined);
    expect(flags.type).toBe('ml');
    expect([...flags.values]).toEqual([['ml.projectPhase', 'both'], ['ml.hasExperimentTracking', false]]);
    expect([...readTypeFlags({ extUiSurfaces: 'popup, options', extManifest: '2' }, undefined).values]).toEqual([
      ['browserExtension.manifestVersion', 2],
      ['browserExtension.uiSurfaces', ['popup', 'options']],
    ]);
  });

  it('refuse two types at once, or a type flag that contradicts --type', () => {
    expect(() => readTypeFlags({ mlPhase: 'both', libVisibility: 'public' }, undefined)).toThrow(
      '--lib-visibility (library) and --ml-phase (ml) are for different project types: pass the flags of one type only',
    );
    expect(() => readTypeFlags({ mlPhase: 'both' }, 'library')).toThrow('--ml-phase is for ml projects, but --type is library: drop one of them');
  });

  it('name the allowed values of a bad value', () => {
    expect(() => readTypeFlags({ mlPhase: 'train' }, undefined)).toThrow('--ml-phase: expected training|inference|both, found "train" (did you mean training?)');
    expect(() => readTypeFlags({ extUiSurfaces: 'popup,toolbar' }, undefined)).toThrow(
      '--ext-ui-surfaces: expected a comma-separated list of popup|options|newtab|devtools|sidepanel, found "toolbar"',
    );
  });
});

describe('answer resolution', () => {
  it('without a terminal, fails naming the missing flag', async () => {
    await expect(resolve({})).rejects.toThrow('--type is required without a terminal');
    await expect(resolve({ flags: { ...noFlags, type: 'ml' } })).rejects.toThrow(
      '--ml-phase is required for ml projects: pass --ml-phase training|inference|both',
    );
  });

  it('takes defaults for everything else, with the folder name as the name', async () => {
    const config = await resolve({ flags: { ...noFlags, type: 'data-pipeline', typeAnswers: readTypeFlags({ pipelineProcessing: 'batch' }, undefined) } });
    expect(config).toMatchObject({ name: 'demo', methodology: 'deep', dataPipeline: { processingModel: 'batch', orchestration: 'none', dataQualityStrategy: 'validation' } });
  });

  it('ranks flags over the answers file over the existing config', async () => {
    const existing = validateConfig({ name: 'old', projectType: 'ml', ml: { projectPhase: 'training', modelType: 'classical' } });
    const file = parseYamlSource('name: from-file\nml:\n  modelType: llm\n  hasExperimentTracking: false\n', 'answers.yml');
    const config = await resolve({ existing, file, flags: { ...noFlags, typeAnswers: readTypeFlags({ mlModelType: 'deep-learning' }, undefined) } });
    expect(config).toMatchObject({ name: 'from-file', ml: { projectPhase: 'training', modelType: 'deep-learning', hasExperimentTracking: false } });
  });

  it('reports a bad value in the answers file with its line', async () => {
    const file = parseYamlSource('projectType: ml\nml:\n  projectPhase: sometimes\n', 'answers.yml');
    await expect(resolve({ file })).rejects.toThrow('answers.yml:3: ml.projectPhase: expected training|inference|both, found "sometimes"');
    const typo = parseYamlSource('projectTyp: ml\n', 'answers.yml');
    await expect(resolve({ file: typo })).rejects.toThrow('answers.yml:1: projectTyp: unknown key (did you mean projectType?)');
  });

  it('reads an old --depth number as its level with a warning, and refuses anything else naming the levels', async () => {
    const flags = (depth: string) => ({ ...noFlags, type: 'library', methodology: 'custom', depth, typeAnswers: readTypeFlags({ libVisibility: 'internal' }, undefined) });
    const warnings: string[] = [];
    expect((await resolve({ flags: flags('3'), warnings })).depth).toBe('full');
    expect(warnings).toEqual(['--depth: depth 3 is now written "--depth full" (levels 3 to 5 rendered the same); pass --depth full']);
    expect((await resolve({ flags: flags('summary'), warnings })).depth).toBe('summary');
    expect(warnings).toHaveLength(1);
    await expect(resolve({ flags: flags('deep') })).rejects.toThrow('--depth: expected summary|full, found "deep"');
    await expect(resolve({ flags: flags('6') })).rejects.toThrow('--depth: expected summary|full, found "6"');
  });

  it('reads an old depth number in the answers file as its level', async () => {
    const path = join(tempDir('scaffold-answers-'), 'answers.yml');
    writeFileSync(path, 'projectType: library\nmethodology: custom\ndepth: 2\nlibrary: { visibility: internal }\n');
    const { source, warnings } = readAnswersFile(path);
    expect(warnings).toEqual([`${path}:3: depth 2 is now written "depth: summary" (levels 1 and 2 rendered the same); edit that line; config.yml gets the name`]);
    expect((await resolve({ file: source })).depth).toBe('summary');
  });

  it('refuses --depth without methodology custom', async () => {
    await expect(resolve({ flags: { ...noFlags, type: 'library', depth: '2', typeAnswers: readTypeFlags({ libVisibility: 'internal' }, undefined) } })).rejects.toThrow(
      '--depth applies to methodology custom only',
    );
  });

  it('reads --agents as a list, all or none, and names a misspelt agent', async () => {
    const flags = (agents: string) => ({ ...noFlags, type: 'library', agents, typeAnswers: readTypeFlags({ libVisibility: 'internal' }, undefined) });
    expect((await resolve({ flags: flags('cursor,copilot') })).agents).toEqual(['cursor', 'copilot']);
    expect((await resolve({ flags: flags('all') })).agents).toEqual(['agents-md', 'claude', 'cursor', 'copilot', 'skills', 'mcp']);
    expect((await resolve({ flags: flags('none') })).agents).toEqual([]);
    expect((await resolve({ flags: { ...flags(''), agents: undefined } })).agents).toEqual(['agents-md', 'claude']);
    await expect(resolve({ flags: flags('cursr') })).rejects.toThrow('--agents: expected agents-md|claude|cursor|copilot|skills|mcp|all|none, found "cursr" (did you mean cursor?)');
  });

  it('turns a folder name into a valid project name', () => {
    expect(folderDefault('My Cool_Project!')).toBe('my-cool_project');
    expect(folderDefault('***')).toBe('my-project');
  });
});

describe('the wizard', () => {
  it('asks each question once and offers only the choices the schema accepts', async () => {
    const { prompter, asked } = scripted({
      'What kind of project is this?': 'ml',
      'Project name': 'fraud-model',
      'How much should Scaffold set up?': 'deep',
      'Which part of the model lifecycle does this repository cover?': 'training',
      'What kind of model?': 'classical',
      'Track experiments (MLflow, Weights & Biases or similar)?': false,
    'Which coding agents should read this project\'s commands and knowledge?': ['agents-md', 'cursor'],
    });
    const config = await resolve({ prompter });
    // A training-only project serves nothing: the serving question has one valid answer and is not asked.
    expect(asked.map((a) => a.message)).not.toContain('How are predictions served?');
    expect(config).toMatchObject({ name: 'fraud-model', agents: ['agents-md', 'cursor'], ml: { projectPhase: 'training', servingPattern: 'none', hasExperimentTracking: false } });
    // The agents are offered with one line of help each, the default ones checked.
    const agents = asked.find((a) => a.message.startsWith('Which coding agents'))!;
    expect(agents.choices).toEqual(['agents-md', 'claude', 'cursor', 'copilot', 'skills', 'mcp']);
  });

  it('does not offer "none" as a serving pattern to a project that serves', async () => {
    const { prompter, asked } = scripted({
      'Which part of the model lifecycle does this repository cover?': 'inference',
      'What kind of model?': 'llm',
      'How are predictions served?': 'batch',
      'Track experiments (MLflow, Weights & Biases or similar)?': true,
    });
    await resolve({ prompter, flags: { ...noFlags, type: 'ml', name: 'x', methodology: 'deep', agents: 'all' } });
    expect(asked.find((a) => a.message === 'How are predictions served?')!.choices).toEqual(['batch', 'realtime', 'edge']);
  });

  it('skips questions answered by flags', async () => {
    const { prompter, asked } = scripted({ 'Project name': 'lib', 'How much should Scaffold set up?': 'mvp' });
    const flags = readTypeFlags({ libVisibility: 'internal', libRuntimeTarget: 'node', libBundleFormat: 'esm', libTypeDefinitions: true, libDocLevel: 'none' }, undefined);
    const config = await resolve({ prompter, flags: { typeAnswers: flags, agents: 'agents-md,claude' } });
    expect(asked.map((a) => a.message)).toEqual(['Project name', 'How much should Scaffold set up?', 'How often should a pull request bring a newer Scaffold?', 'Write these files?']);
    expect(config).toMatchObject({ projectType: 'library', methodology: 'mvp', library: { documentationLevel: 'none' } });
  });

  it('for custom, keeps the entries and suites the person turned off as the inline overlay', async () => {
    const { prompter } = scripted({
      'Knowledge depth': 'summary',
      'Which platform?': 'ios',
      'How is the app distributed?': 'public',
      'How much offline support?': 'none',
      'Send push notifications?': false,
    'Which coding agents should read this project\'s commands and knowledge?': [],
      'Knowledge entries to render': ['a'],
      'Starter test suites to render': ['s1', 's2'],
    });
    const config = await resolve({
      prompter,
      flags: { ...noFlags, type: 'mobile-app', name: 'app', methodology: 'custom' },
      selectionChoices: () => ({
        knowledge: [{ name: 'a', description: 'A', selected: true }, { name: 'b', description: 'B', selected: true }],
        suites: [{ name: 's1', description: 'S1', selected: true }, { name: 's2', description: 'S2', selected: false }],
      }),
    });
    expect(config).toMatchObject({ depth: 'summary', overlay: { knowledge: { remove: ['b'] }, suites: { add: ['s2'] } } });
  });

  it('passes Ctrl+C on as a cancellation', async () => {
    const { prompter } = scripted({ 'What kind of project is this?': new CancelledError() });
    await expect(resolve({ prompter })).rejects.toBeInstanceOf(CancelledError);
  });

  it('shows the folder it sets up before the first question', async () => {
    const { prompter, notes, asked } = scripted({ 'What kind of project is this?': new CancelledError() });
    await expect(resolve({ prompter, target: '/work/fraud-model' })).rejects.toBeInstanceOf(CancelledError);
    expect(notes).toEqual(['Setting up /work/fraud-model']);
    expect(asked).toHaveLength(1);
  });

  it.each(['ml', 'data-pipeline', 'library', 'browser-extension', 'mobile-app'])('takes a %s project through every question to the summary', async (type) => {
    const { prompter, asked, notes } = acceptsDefaults();
    const config = await resolve({ prompter, flags: { ...noFlags, type }, preview: () => ['Writes 12 files'] });
    expect(config.projectType).toBe(type);
    expect(asked[0]).toBe('Project name');
    expect(asked.at(-1)).toBe('Write these files?');
    const summary = notes.at(-1)!;
    expect(summary).toContain('Your answers:');
    expect(summary).toContain('Writes 12 files');
    expect(summary).toMatch(/Project type\s+/);
  });

  it('checks a rule across answers as soon as they are in, and asks its questions again', async () => {
    const { prompter, asked, notes } = scripted({
      'Which manifest version?': 3,
      'Which browsers does the extension target?': ['chrome', 'firefox'],
      'Which UI surfaces?': [],
      'Inject a content script into pages?': inTurn(false, true),
      'Run a background service worker?': false,
    });
    const config = await resolve({ prompter, flags: { ...noFlags, type: 'browser-extension', name: 'ext', methodology: 'mvp', agents: 'none' } });
    expect(notes).toContain('an extension needs at least one UI surface, a content script or a background worker: change one of these answers');
    // Asked again from the rule's first question, the earlier answers offered as the defaults.
    expect(asked.map((a) => a.message)).toEqual([
      'Which manifest version?', 'Which browsers does the extension target?', 'Which UI surfaces?', 'Inject a content script into pages?', 'Run a background service worker?',
      'Which UI surfaces?', 'Inject a content script into pages?', 'Run a background service worker?', 'How often should a pull request bring a newer Scaffold?', 'Write these files?',
    ]);
    expect(asked[6]!.preset).toBe(false);
    expect(config.browserExtension).toMatchObject({ browsers: ['chrome', 'firefox'], uiSurfaces: [], hasContentScript: true, hasBackgroundWorker: false });
  });

  it('goes back from the summary to change one answer, asking only that question again', async () => {
    const { prompter, asked } = scripted({
      'Project name': 'fraud-model',
      'Which part of the model lifecycle does this repository cover?': 'training',
      'What kind of model?': inTurn('classical', 'llm'),
      'Track experiments (MLflow, Weights & Biases or similar)?': true,
      'Write these files?': inTurn('change', 'write'),
      'Which answer?': 'field:modelType',
    });
    const config = await resolve({ prompter, flags: { ...noFlags, type: 'ml', methodology: 'mvp', agents: 'none' } });
    expect(config).toMatchObject({ name: 'fraud-model', ml: { projectPhase: 'training', modelType: 'llm', hasExperimentTracking: true } });
    const questions = asked.map((a) => a.message);
    expect(questions.slice(questions.indexOf('Which answer?') + 1)).toEqual(['What kind of model?', 'Write these files?']);
    // The answer to change is picked from the summary, with its value.
    expect(asked.find((a) => a.message === 'Which answer?')!.choices).toContain('field:modelType');
  });

  it('asks every question of the new type after going back to change the type', async () => {
    const { prompter, asked } = scripted({
      'What kind of project is this?': inTurn('library', 'data-pipeline'),
      'Project name': 'thing',
      'How much should Scaffold set up?': 'mvp',
      'Who uses this library?': 'internal',
      'Where does the code run?': 'node',
      'Which module format do you ship?': 'esm',
      'Ship TypeScript type definitions?': true,
      'How much documentation?': 'readme',
      'How is data processed?': 'batch',
      'How are runs orchestrated?': 'none',
      'How is data quality assured?': 'validation',
      'How are schemas managed?': 'none',
      'Publish datasets to a data catalog?': false,
      "Which coding agents should read this project's commands and knowledge?": ['agents-md'],
      'Write these files?': inTurn('change', 'write'),
      'Which answer?': 'projectType',
    });
    const config = await resolve({ prompter });
    expect(config).toMatchObject({ projectType: 'data-pipeline', name: 'thing', methodology: 'mvp', agents: ['agents-md'], dataPipeline: { processingModel: 'batch' } });
    expect(asked.filter((a) => a.message === 'Project name')).toHaveLength(1);
  });

  it('cancels from the summary, writing nothing', async () => {
    const { prompter } = scripted({ 'Write these files?': 'cancel' });
    await expect(resolve({ prompter, flags: { ...noFlags, type: 'library', name: 'x', methodology: 'mvp', agents: 'none', typeAnswers: readTypeFlags({ libVisibility: 'internal', libRuntimeTarget: 'node', libBundleFormat: 'esm', libTypeDefinitions: true, libDocLevel: 'none' }, undefined) } })).rejects.toBeInstanceOf(CancelledError);
  });
});
