/**
 * Scaffold runs templates on its own small evaluator (src/render/template.ts). These tests hold
 * it to Handlebars: every shipped template, for a spread of answers covering every value of every
 * question, renders exactly as Handlebars renders it, and the evaluator's own rules hold.
 */
import Handlebars from 'handlebars';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITES_DIR } from '../../src/catalog/catalog.js';
import { suiteSources } from '../../src/catalog/suites.js';
import { projectTypes } from '../../src/catalog/types.js';
import type { Config } from '../../src/config/schema.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { HELPERS } from '../../src/template/helpers.js';
import { parseTemplate } from '../../src/template/parse.js';
import { runTemplate } from '../../src/template/run.js';
import { answerCombinations } from '../helpers/combinations.js';
import { shippedEntries, shippedSuites } from '../helpers/content.js';
import { pipelineFor } from '../helpers/plan.js';

const types = projectTypes();
const compile = (text: string, source: string) => {
  const tree = parseTemplate(text, source);
  return (context: object) => runTemplate(tree, context, source);
};

const handlebars = Handlebars.create();
for (const [name, fn] of Object.entries(HELPERS)) handlebars.registerHelper(name, fn);
const viaHandlebars = (text: string, context: object) => handlebars.compile(text, { strict: true, noEscape: true })(context);

/** The fewest combinations in which every answer to every question appears at least once. */
function spread(type: string): Config[] {
  const all = answerCombinations(type);
  const picked = new Set<Config>();
  for (const field of types.fields(type)) {
    const seen = new Set<string>();
    for (const config of all) {
      const value = JSON.stringify((config[types.get(type).key] as Record<string, unknown>)[field.key]);
      if (!seen.has(value)) {
        seen.add(value);
        picked.add(config);
      }
    }
  }
  return [...picked];
}

const contexts = Object.fromEntries(types.ids.map((type) => [type, spread(type).map((config) => pipelineFor(config).context('full'))])) as Record<string, object[]>;

const templates: { source: string; text: string; types: string[] }[] = [
  ...shippedEntries().map((e) => ({ source: e.file, text: e.body(), types: [e.projectType!] })),
  ...shippedSuites().flatMap((suite) =>
    suiteSources(join(PACKAGE_ROOT, SUITES_DIR, suite.name), `${SUITES_DIR}/${suite.name}`).flatMap((f) => {
      const forTypes = suite.projectType ? [suite.projectType] : types.ids;
      return [
        ...(f.isTemplate ? [{ source: f.source, text: f.read(), types: forTypes }] : []),
        ...(f.path.includes('{{') ? [{ source: `${f.source}#path`, text: f.path, types: forTypes }] : []),
      ];
    }),
  ),
];

describe('every shipped template renders as Handlebars renders it', () => {
  it.each(templates.map((t) => [t.source, t] as const))('%s', (_, template) => {
    const ours = compile(template.text, template.source);
    const theirs = handlebars.compile(template.text, { strict: true, noEscape: true });
    for (const context of template.types.flatMap((type) => contexts[type] ?? [])) {
      expect(ours(context)).toBe(theirs(context));
    }
  });
});

describe('the template evaluator', () => {
  const render = (text: string, context: object) => compile(text, 'test.hbs')(context);

  it('follows Handlebars on truth: empty lists, 0 and missing values are false', () => {
    const text = '{{#if a}}y{{else}}n{{/if}}{{#unless a}}u{{/unless}}';
    for (const a of [[], 0, '', null, undefined, false, [1], 1, 'x', true]) {
      expect(render(text, { a })).toBe(viaHandlebars(text, { a }));
    }
    expect(render(text, {})).toBe('nu');
  });

  it('throws on a printed name that does not exist, naming the file and the name', () => {
    expect(() => render('{{ml.servingPatern}}', { ml: {} })).toThrow('test.hbs: "servingPatern" not defined in ml');
    expect(() => render('{{#if (eq nope.x 1)}}{{/if}}', {})).toThrow('"nope" not defined');
  });

  it('lets a condition or helper argument name a missing last step, as Handlebars does', () => {
    expect(render('{{#if ml.nope}}y{{else}}n{{/if}}{{eq ml.nope 1}}', { ml: {} })).toBe('nfalse');
  });

  it('reads own properties only', () => {
    expect(render('[{{a.constructor}}]', { a: {} })).toBe('[]');
  });

  it('renders inline partials with key=value arguments and standalone indentation', () => {
    const text = '{{#*inline "item"}}- {{label}} of {{name}}\n{{/inline}}\nlist:\n  {{> item label="one"}}\n  {{> item label="two"}}\n';
    expect(render(text, { name: 'n' })).toBe(viaHandlebars(text, { name: 'n' }));
    expect(render(text, { name: 'n' })).toBe('list:\n  - one of n\n  - two of n\n');
  });

  it('links a reference to a selected entry and names an unselected one with how to read it', () => {
    const text = 'see {{ref "ml-testing"}} and {{ref "ml-security"}}';
    const context = { selectedKnowledge: ['ml-testing'], knowledgeLinkBase: '' };
    expect(render(text, context)).toBe(viaHandlebars(text, context));
    expect(render(text, context)).toBe(
      'see [ml-testing](ml-testing.md) and ml-security (not in this knowledge base; `npx scaffold-overlays show ml-security` prints it)',
    );
  });

  it('rejects Handlebars features it does not run, naming the file and line', () => {
    expect(() => parseTemplate('a\n{{#each list}}{{this}}{{/each}}', 'x.hbs')).toThrow(/^x\.hbs:2: \{\{#each\}\} is not supported/);
    expect(() => parseTemplate('{{upper name}}', 'x.hbs')).toThrow('x.hbs:1: "upper" is not a helper');
    expect(() => parseTemplate('{{@root.name}}', 'x.hbs')).toThrow('"@root.name" is not supported');
    expect(() => parseTemplate('{{> missing}}', 'x.hbs')).toThrow('partial "missing" is used but not defined');
    expect(() => parseTemplate('{{#if a}}', 'x.hbs')).toThrow(/^x\.hbs: Parse error/);
  });
});
