import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig, validateConfig, renderConfig } from '../../src/config/load.js';
import { projectTypes } from '../../src/catalog/types.js';
import { configSchemaText } from '../../src/config/json-schema.js';
import { parseYamlSource } from '../../src/source/source.js';
import { yamlText } from '../../src/source/yaml.js';
import { answerCombinations } from '../helpers/combinations.js';
import { tempDir } from '../helpers/project.js';
import { UserError } from '../../src/errors.js';

function problems(yaml: string): string[] {
  try {
    validateConfig(parseYamlSource(yaml, 'config.yml').data, parseYamlSource(yaml, 'config.yml'));
    return [];
  } catch (error) {
    const e = error as UserError;
    return [e.message, ...e.details, ...(e.hint ? [e.hint] : [])];
  }
}

describe('config schema', () => {
  it('fills defaults, and derives the ml serving pattern from the phase', () => {
    const training = validateConfig({ name: 'm', projectType: 'ml', ml: { projectPhase: 'training' } });
    expect(training).toMatchObject({ version: 1, methodology: 'deep', ml: { modelType: 'deep-learning', servingPattern: 'none', hasExperimentTracking: true } });
    const both = validateConfig({ name: 'm', projectType: 'ml', ml: { projectPhase: 'both' } });
    expect(both.ml).toMatchObject({ servingPattern: 'realtime' });
  });

  it('gives custom a depth of full unless one is chosen, and refuses a depth with deep or mvp', () => {
    expect(validateConfig({ name: 'm', projectType: 'mobile-app', methodology: 'custom', mobileApp: { platform: 'ios' } }).depth).toBe('full');
    expect(problems('name: m\nprojectType: mobile-app\nmethodology: mvp\ndepth: full\nmobileApp: { platform: ios }\n')).toEqual([
      'config.yml:4: depth: depth is set by methodology mvp: remove depth, or set methodology: custom to choose it',
      'Fix config.yml and run again',
    ]);
  });

  it('enforces the cross-field rules', () => {
    expect(problems('name: m\nprojectType: ml\nml:\n  projectPhase: training\n  servingPattern: batch\n')[0]).toBe(
      'config.yml:5: ml.servingPattern: a training-only project serves nothing: set servingPattern to none or projectPhase to both',
    );
    expect(problems('name: m\nprojectType: ml\nml:\n  projectPhase: inference\n  servingPattern: none\n')[0]).toMatch(/needs a serving pattern/);
    expect(problems('name: m\nprojectType: library\nlibrary:\n  visibility: public\n  documentationLevel: none\n')[0]).toMatch(
      /a public library needs documentation/,
    );
    expect(
      problems('name: m\nprojectType: browser-extension\nbrowserExtension:\n  uiSurfaces: []\n  hasContentScript: false\n  hasBackgroundWorker: false\n')[0],
    ).toMatch(/needs at least one UI surface, a content script or a background worker/);
    expect(problems('name: m\nprojectType: browser-extension\nbrowserExtension:\n  browsers: []\n')[0]).toBe(
      'config.yml:4: browserExtension.browsers: an extension needs at least one browser: choose chrome, edge or firefox',
    );
    expect(problems('name: m\nprojectType: browser-extension\nbrowserExtension:\n  manifestVersion: 2\n  browsers: [edge, chrome]\n')[0]).toMatch(
      /^config.yml:5: browserExtension.browsers: Chrome no longer runs Manifest V2/,
    );
    // Manifest V2 without browsers means Firefox, so an older MV2 config stays valid.
    expect(validateConfig({ name: 'm', projectType: 'browser-extension', browserExtension: { manifestVersion: 2 } }).browserExtension).toMatchObject({ browsers: ['firefox'] });
    expect(validateConfig({ name: 'm', projectType: 'browser-extension' }).browserExtension).toMatchObject({ browsers: ['chrome', 'edge'] });
    expect(problems('name: m\nprojectType: library\nlibrary:\n  visibility: internal\n  documentationLevel: none\n')).toEqual([]);
  });

  it('names the key, the allowed values, what was found and the line', () => {
    const yaml = 'name: fraud-model\nprojectType: ml\nml:\n  projectPhase: train\n  servingPatern: batch\n';
    expect(problems(yaml)).toEqual([
      'config.yml:4: ml.projectPhase: expected training|inference|both, found "train"',
      'config.yml:5: ml.servingPatern: unknown key (did you mean servingPattern?)',
      'Fix config.yml and run again',
    ]);
    expect(problems('name: m\nprojectType: mll\n')[0]).toBe(
      'config.yml:2: projectType: expected browser-extension|data-pipeline|library|ml|mobile-app, found "mll"',
    );
    expect(problems('name: m\nprojectType: ml\n')[0]).toBe('config.yml:1: ml.projectPhase is required: expected training|inference|both');
    expect(problems('name: Fraud Model\nprojectType: ml\nml: { projectPhase: both }\n')[0]).toMatch(/^config.yml:1: name: name must start with a lowercase/);
  });

  it('rejects answers of another type', () => {
    expect(problems('name: m\nprojectType: ml\nml: { projectPhase: both }\nlibrary: { visibility: public }\n')[0]).toBe(
      'config.yml:4: library: unknown key',
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parseYamlSource('name: m\nprojectType: [ml\n', 'config.yml')).toThrow(/^config.yml:\d+: not valid YAML/);
  });

  it('produces a JSON Schema editors can use, with every choice', () => {
    const text = configSchemaText();
    for (const value of ['training', 'deep-learning', 'edge', 'schema-registry', 'full-site', 'sidepanel', 'offline-first']) {
      expect(text).toContain(`"${value}"`);
    }
    expect(text).toContain('Which part of the model lifecycle does this repository cover?');
  });

  it('edits only the answers that changed, keeping the person\'s comments', () => {
    const config = validateConfig({ name: 'm', projectType: 'ml', ml: { projectPhase: 'both' } });
    const written = renderConfig(config);
    expect(written).toMatch(/^# yaml-language-server: \$schema=\.\/config\.schema\.json\n/);
    const commented = written.replace('projectPhase: both', 'projectPhase: both # we serve too');
    const changed = validateConfig({ ...config, ml: { ...(config.ml as object), modelType: 'llm' } });
    const edited = renderConfig(changed, commented);
    expect(edited).toContain('projectPhase: both # we serve too');
    expect(edited).toContain('modelType: llm');
  });
});

describe('an old depth number in config.yml', () => {
  const project = (text: string) => {
    const dir = tempDir('scaffold-depth-');
    mkdirSync(join(dir, '.scaffold'));
    writeFileSync(join(dir, '.scaffold/config.yml'), text);
    return dir;
  };
  const old = (depth: number) => `# ours\nname: m\nprojectType: library\nmethodology: custom\ndepth: ${depth} # how much to read\nlibrary:\n  visibility: internal\n`;

  it('reads 1 and 2 as summary and 3 to 5 as full, one warning naming the file, the line and the fix', () => {
    for (const [depth, level] of [[1, 'summary'], [2, 'summary'], [3, 'full'], [4, 'full'], [5, 'full']] as const) {
      const found = readConfig(project(old(depth)))!;
      expect(found.config.depth).toBe(level);
      expect(found.warnings).toEqual([
        `.scaffold/config.yml:5: depth ${depth} is now written "depth: ${level}" (${level === 'full' ? 'levels 3 to 5' : 'levels 1 and 2'} rendered the same); \`scaffold update\` rewrites the line`,
      ]);
    }
  });

  it('reads a number in the inline overlay too, and is silent about names', () => {
    const found = readConfig(project('name: m\nprojectType: library\nlibrary:\n  visibility: internal\noverlay:\n  when:\n    - if: { library.visibility: internal }\n      depth: 2\n'))!;
    expect(found.config.overlay?.when?.[0]?.depth).toBe('summary');
    expect(found.warnings).toEqual([expect.stringMatching(/^\.scaffold\/config\.yml:8: depth 2 is now written "depth: summary"/)]);
    expect(readConfig(project(old(4).replace('depth: 4', 'depth: full')))!.warnings).toEqual([]);
  });

  it('is rewritten as its name on that line only, the comments around it kept', () => {
    const text = old(4);
    const found = readConfig(project(text))!;
    expect(found.named).toBe(text.replace('depth: 4 #', 'depth: full #'));
  });

  it('still refuses a depth that is neither a name nor 1-5', () => {
    expect(() => readConfig(project(old(7)))).toThrow('.scaffold/config.yml:5: depth: expected summary|full, found 7');
  });
});

describe('writing a new config.yml without the YAML library', () => {
  const overlay = {
    knowledge: { replace: [] },
    suites: { add: ['ml-regression'], remove: ['ml-property'] },
    when: [{ if: { 'ml.servingPattern': ['realtime', 'edge'] }, knowledge: { add: ['ml-security'] } }],
    variables: { pythonVersion: '3.11', label: 'Python 3.11', workers: 4, strict: true },
  };

  it('writes what the library writes for every answer of every type, and for overlays', () => {
    const configs = projectTypes().ids.flatMap((type) => answerCombinations(type, 'custom'));
    for (const data of [...configs, { ...configs[0]!, overlay }]) {
      expect(yamlText(data)).toBe(stringify(data, { lineWidth: 100 }));
    }
  });

  it('reads back as the same data, quoting what would otherwise change meaning', () => {
    const tricky = ['true', 'null', '~', '1.0', '0x1F', '1e3', '.inf', '', ' padded ', 'a: b', 'x #y', '-x', '@x', '*x', "it's", 'a\nb', 'ünï', '"q"'];
    const data = { list: tricky, map: Object.fromEntries(tricky.map((s, i) => [s || `k${i}`, s])), nested: [[1, 2], [{ a: [] }], {}] };
    expect(parse(yamlText(data))).toEqual(data);
    expect(yamlText({ name: 'true' })).toBe('name: "true"\n');
  });
});
