/** Each overlay merge rule of src/overlays/README.md, on tiny inline layers. */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import type { Layer } from '../../src/catalog/layers.js';
import { overlaySchema, type Overlay } from '../../src/catalog/overlay-format.js';
import type { Config } from '../../src/config/schema.js';
import { select, type SelectionCatalog } from '../../src/overlays/merge.js';

const tiers: Record<string, string> = { a: 'core', b: 'core', c: 'extended', d: 'extended' };
const layer = (label: string, overlay: Overlay): Layer => ({ label, overlay, source: { file: label, data: overlay, lineOf: () => 1 }, at: [], warnings: [] });

/** The merge of a preset, a type overlay and further layers (packs' and local), with a tiny fake catalog. */
function resolvePlan(config: Config, preset: Layer, typeOverlay: Layer, layers: Layer[]) {
  const catalog: SelectionCatalog = {
    preset: () => preset,
    typeOverlay: () => typeOverlay,
    layers,
    entry: (name) => ({ tier: tiers[name] ?? 'extended' }),
    suite: (name) => ({
      tier: name.endsWith('-unit') ? 'unit' : 'integration',
      requires: name === 'x-extra' ? ['x-unit'] : [],
      ...(name === 'x-serving' && { when: { 'ml.servingPattern': ['realtime', 'edge'] } }),
    }),
  };
  return select(config, catalog, config.overlay && layer('config.yml overlay', config.overlay));
}
const config = (extra: object = {}) => validateConfig({ name: 'p', projectType: 'ml', ml: { projectPhase: 'both' }, ...extra });
const names = (list: { name: string }[]) => list.map((s) => s.name);

describe('overlay merge', () => {
  const type = layer('ml overlay', { knowledge: { add: ['a', 'b', 'c'] }, suites: { add: ['x-unit', 'x-serving'] } });

  it('adds in order without duplicates; the first position wins', () => {
    const plan = resolvePlan(config(), layer('preset', { knowledge: { add: ['c'] } }), type, []);
    expect(names(plan.knowledge)).toEqual(['c', 'a', 'b']);
    expect(plan.knowledge[0]!.by).toBe('preset');
  });

  it('removes, and replace swaps the whole list', () => {
    const local = layer('local', { knowledge: { remove: ['a'] }, suites: { replace: ['x-unit'] } });
    const plan = resolvePlan(config(), layer('preset', {}), type, [local]);
    expect(names(plan.knowledge)).toEqual(['b', 'c']);
    expect(names(plan.suites)).toEqual(['x-unit']);
  });

  it('applies when blocks whose conditions match the answers, naming the condition', () => {
    const withWhen = layer('ml overlay', {
      ...type.overlay,
      when: [
        { if: { 'ml.servingPattern': 'none' }, knowledge: { remove: ['b'] } },
        { if: { 'ml.projectPhase': ['both', 'inference'] }, knowledge: { add: ['d'] } },
      ],
    });
    const plan = resolvePlan(config(), layer('preset', {}), withWhen, []);
    expect(names(plan.knowledge)).toEqual(['a', 'b', 'c', 'd']);
    expect(plan.knowledge[3]!.by).toBe('ml overlay when ml.projectPhase: both|inference');
  });

  it('filters by the preset tiers before local overlays, so a team can still add an extended entry', () => {
    const preset = layer('mvp', { depth: 'summary', tiers: { knowledge: ['core'], suites: ['unit'] } });
    const plan = resolvePlan(config(), preset, type, [layer('local', { knowledge: { add: ['d'] } })]);
    expect(names(plan.knowledge)).toEqual(['a', 'b', 'd']);
    expect(names(plan.suites)).toEqual(['x-unit']);
  });

  it('lets the last layer win for depth and variables; custom depth comes from config.yml', () => {
    const preset = layer('preset', { depth: 'full', variables: { v: 'preset', w: 1 } });
    const local = layer('local', { variables: { v: 'local' } });
    expect(resolvePlan(config(), preset, type, [local])).toMatchObject({ depth: 'full', variables: { v: 'local', w: 1 } });
    expect(resolvePlan(config({ methodology: 'custom', depth: 'summary' }), preset, type, []).depth).toBe('summary');
  });

  it('applies the inline overlay of config.yml after local overlays', () => {
    const local = layer('local', { knowledge: { add: ['d'] } });
    const plan = resolvePlan(config({ overlay: { knowledge: { remove: ['d'] } } }), layer('p', {}), type, [local]);
    expect(names(plan.knowledge)).toEqual(['a', 'b', 'c']);
  });

  it('drops suites whose own when does not match, and adds the suites others require', () => {
    const plan = resolvePlan(config({ ml: { projectPhase: 'both', servingPattern: 'batch' } }), layer('p', { suites: { add: ['x-extra'] } }), type, []);
    expect(names(plan.suites)).toEqual(['x-unit', 'x-extra']);
    expect(names(resolvePlan(config(), layer('p', {}), type, []).suites)).toEqual(['x-unit', 'x-serving']);
  });

  it('matches list answers when they contain any listed value, and [] when they are empty', () => {
    const ext = (uiSurfaces: string[]) => validateConfig({ name: 'e', projectType: 'browser-extension', browserExtension: { uiSurfaces } });
    const t = layer('t', {
      when: [
        { if: { 'browserExtension.uiSurfaces': ['options', 'newtab'] }, knowledge: { add: ['a'] } },
        { if: { 'browserExtension.uiSurfaces': [] }, knowledge: { add: ['b'] } },
      ],
    });
    expect(names(resolvePlan(ext(['popup', 'options']), layer('p', {}), t, []).knowledge)).toEqual(['a']);
    expect(names(resolvePlan(ext([]), layer('p', {}), t, []).knowledge)).toEqual(['b']);
  });

  it('skips a layer written for another project type (a pack serving several types)', () => {
    const forLibrary = layer('pack x overlays/library.yml', { 'project-type': 'library', knowledge: { add: ['d'] } });
    expect(names(resolvePlan(config(), layer('p', {}), type, [forLibrary]).knowledge)).toEqual(['a', 'b', 'c']);
  });

  it('rejects unknown keys and conditions on answers that do not exist, with a did-you-mean', () => {
    const bad = overlaySchema().safeParse({ knowledge: { ad: ['a'] }, when: [{ if: { 'ml.servingPatern': 'batch' } }] });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toContain('Unrecognized key: "ad"');
    expect(messages).toContain('unknown answer ml.servingPatern (did you mean ml.servingPattern?)');
    const badValue = overlaySchema().safeParse({ when: [{ if: { 'ml.servingPattern': 'stream' } }] });
    expect(badValue.error!.issues[0]!.message).toBe('ml.servingPattern is never "stream": expected none|batch|realtime|edge');
  });
});
