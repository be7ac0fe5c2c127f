/**
 * The JSON Schema editors use (.scaffold/config.schema.json, `scaffold schema`) flags what
 * `scaffold validate` flags: a table of configs, good and bad, through a JSON Schema validator
 * (ajv, draft-07) and through the CLI, expecting the same verdict from both and the one written
 * in the table. The cross-field rules, a missing answer's default, and the names an overlay may
 * use are all in the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { readFile, tempDir } from '../helpers/project.js';

const schema = JSON.parse(cli(['schema'], tempDir()).stdout) as object;
// `errorMessage` is the editors' extension for a rule's message; the validator need not know it.
const ajv = new Ajv({ allErrors: true, strict: false });
const check = ajv.compile(schema);

const ml = (answers: object, extra: object = {}) => ({ name: 'model', projectType: 'ml', ml: { projectPhase: 'both', ...answers }, ...extra });
const ext = (answers: object) => ({ name: 'ext', projectType: 'browser-extension', browserExtension: answers });
const lib = (answers: object) => ({ name: 'lib', projectType: 'library', library: { visibility: 'internal', ...answers } });

const TABLE: [string, boolean, object][] = [
  ['the smallest ml config', true, ml({})],
  ['training only, the serving pattern left to its default (none)', true, ml({ projectPhase: 'training' })],
  ['training only, serving batch', false, ml({ projectPhase: 'training', servingPattern: 'batch' })],
  ['serving, but the pattern none', false, ml({ servingPattern: 'none' })],
  ['inference with edge serving', true, ml({ projectPhase: 'inference', servingPattern: 'edge' })],
  ['no projectPhase', false, { name: 'model', projectType: 'ml', ml: {} }],
  ['no ml section at all', false, { name: 'model', projectType: 'ml' }],
  ['an extension with every answer left to its default (no section)', true, { name: 'ext', projectType: 'browser-extension' }],
  ['an extension with nothing to run', false, ext({ uiSurfaces: [], hasContentScript: false, hasBackgroundWorker: false })],
  ['no surface, the worker by default', true, ext({ uiSurfaces: [], hasContentScript: false })],
  ['no surface, no worker, the content script off by default', false, ext({ uiSurfaces: [], hasBackgroundWorker: false })],
  ['no worker, the popup by default', true, ext({ hasContentScript: false, hasBackgroundWorker: false })],
  ['a surface that does not exist', false, ext({ uiSurfaces: ['toolbar'] })],
  ['a public library without documentation', false, lib({ visibility: 'public', documentationLevel: 'none' })],
  ['a public library, documentation by default', true, lib({ visibility: 'public' })],
  ['an internal library without documentation', true, lib({ documentationLevel: 'none' })],
  ['depth summary with methodology custom', true, ml({}, { methodology: 'custom', depth: 'summary' })],
  ['depth full with methodology custom', true, ml({}, { methodology: 'custom', depth: 'full' })],
  ['depth with methodology deep', false, ml({}, { methodology: 'deep', depth: 'summary' })],
  ['depth without a methodology (deep)', false, ml({}, { depth: 'full' })],
  ['a depth that is not a level', false, ml({}, { methodology: 'custom', depth: 'deep' })],
  ['an overlay with depth summary', true, ml({}, { overlay: { depth: 'summary' } })],
  ['no name', false, { projectType: 'ml', ml: { projectPhase: 'both' } }],
  ['a name with spaces', false, ml({}, { name: 'My Model' })],
  ['a type that does not exist', false, { name: 'x', projectType: 'game' }],
  ['an unknown key', false, ml({}, { colour: 'blue' })],
  ['an unknown answer', false, ml({ gpu: true })],
  ["another type's section", false, ml({}, { library: { visibility: 'internal' } })],
  ['agents chosen', true, ml({}, { agents: ['cursor', 'mcp'] })],
  ['an agent that does not exist', false, ml({}, { agents: ['clippy'] })],
  ['an overlay adding an ml entry and removing one of another type', true, ml({}, { overlay: { knowledge: { add: ['ml-security'], remove: ['library-testing'] } } })],
  ['an overlay adding an entry of another type', false, ml({}, { overlay: { knowledge: { add: ['library-testing'] } } })],
  ['an overlay adding an entry that does not exist', false, ml({}, { overlay: { knowledge: { add: ['ml-secrets'] } } })],
  ['an overlay adding a suite that does not exist', false, ml({}, { overlay: { suites: { add: ['ml-fuzz'] } } })],
  ['an overlay with a when block using an ml suite', true, ml({}, { overlay: { when: [{ if: { 'ml.modelType': 'llm' }, suites: { add: ['ml-property'] } }] } })],
  ['an overlay with a when block adding an entry of another type', false, ml({}, { overlay: { when: [{ if: { 'ml.modelType': 'llm' }, knowledge: { add: ['library-testing'] } }] } })],
];

function cliVerdict(config: object): { valid: boolean; output: string } {
  const dir = tempDir('schema-');
  mkdirSync(join(dir, '.scaffold'));
  writeFileSync(join(dir, '.scaffold/config.yml'), JSON.stringify(config, null, 2));
  const run = cli(['validate', '--json'], dir);
  expect([0, 2], run.stderr).toContain(run.code);
  return { valid: run.code === 0, output: run.stdout };
}

describe('the JSON Schema of config.yml', () => {
  it.each(TABLE)('%s: valid is %s for the schema and for scaffold validate', (_label, valid, config) => {
    const schemaValid = check(config);
    expect(schemaValid, JSON.stringify(check.errors)).toBe(valid);
    const verdict = cliVerdict(config);
    expect(verdict.valid, verdict.output).toBe(valid);
  });

  it('refuses an old depth number, which the CLI still reads with a warning: the editor steers to the names', () => {
    for (const config of [ml({}, { methodology: 'custom', depth: 4 }), ml({}, { overlay: { when: [{ if: { 'ml.modelType': 'llm' }, depth: 2 }] } })]) {
      expect(check(config)).toBe(false);
      const run = cli(['validate', '--json'], (() => {
        const dir = tempDir('schema-');
        mkdirSync(join(dir, '.scaffold'));
        writeFileSync(join(dir, '.scaffold/config.yml'), JSON.stringify(config, null, 2));
        return dir;
      })());
      expect(run.code, run.stdout).toBe(0);
      expect(JSON.parse(run.stdout).warnings).toEqual([expect.stringMatching(/^\.scaffold\/config\.yml:\d+: depth [24] is now written "depth: (full|summary)"/)]);
    }
  });

  it('is draft-07, one flat object with a rule per type, no oneOf', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(JSON.stringify(schema)).not.toContain('"oneOf"');
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
  });

  it("in a project with its own entry, lets its overlay use that entry's name", () => {
    const dir = tempDir('schema-');
    expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both'], dir).code).toBe(0);
    mkdirSync(join(dir, '.scaffold/knowledge'), { recursive: true });
    writeFileSync(join(dir, '.scaffold/knowledge/team-runbook.md'), '---\nname: team-runbook\ndescription: How our team runs the model in production\ntopics: [operations]\ntier: core\nproject-type: ml\n---\n# Runbook\n\nCall the on-call person first.\n');
    writeFileSync(join(dir, '.scaffold/config.yml'), `${readFile(dir, '.scaffold/config.yml')}overlay:\n  knowledge:\n    add: [team-runbook]\n`);
    const update = cli(['update'], dir);
    expect(update.code, update.stderr).toBe(0);
    const projectSchema = ajv.compile(JSON.parse(readFile(dir, '.scaffold/config.schema.json')));
    expect(projectSchema(ml({}, { overlay: { knowledge: { add: ['team-runbook'] } } })), JSON.stringify(projectSchema.errors)).toBe(true);
    expect(check(ml({}, { overlay: { knowledge: { add: ['team-runbook'] } } }))).toBe(false);
  });
});
