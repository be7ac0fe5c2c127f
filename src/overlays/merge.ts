/** Merge overlay layers into the Selection. Pure: the rules are listed in README.md. */
import type { Depth } from '../catalog/depth.js';
import { describeCondition, matches, type Condition } from '../catalog/conditions.js';
import type { Layer } from '../catalog/layers.js';
import type { ListOps, OverlayChanges } from '../catalog/overlay-format.js';
import { REFRESH_SUITE, type Config } from '../config/schema.js';

/** What the merge needs to know of the catalog. */
export interface SelectionCatalog {
  preset(methodology: string): Layer;
  typeOverlay(type: string): Layer;
  /** Packs' overlays, then the project's own. */
  layers: Layer[];
  entry(name: string): { tier: string };
  suite(name: string): { tier: string; when?: Condition; requires: string[] };
}

export interface Selected {
  name: string;
  /** The layer (and condition) that selected it. */
  by: string;
}

/** What a project renders: which entries and suites, at which depth, with which variables. */
export interface Selection {
  projectType: string;
  methodology: string;
  depth: Depth;
  knowledge: Selected[];
  suites: Selected[];
  variables: Record<string, string | number | boolean>;
  /** The coding agents whose files are written (config.yml `agents`). */
  agents: string[];
}

type Kind = 'knowledge' | 'suites';

/** `inline`: config.yml's own `overlay:`, the last layer. */
export function select(config: Config, catalog: SelectionCatalog, inline?: Layer): Selection {
  const state: Selection = {
    projectType: config.projectType,
    methodology: config.methodology,
    // Every preset sets a depth; summary until one does.
    depth: 'summary',
    knowledge: [],
    suites: [],
    variables: {},
    agents: config.agents ?? [],
  };
  const preset = catalog.preset(config.methodology);
  applyLayer(state, preset, config);
  applyLayer(state, catalog.typeOverlay(config.projectType), config);
  const tiers = preset.overlay.tiers;
  if (tiers?.knowledge) state.knowledge = state.knowledge.filter((s) => tiers.knowledge!.includes(catalog.entry(s.name).tier));
  if (tiers?.suites) state.suites = state.suites.filter((s) => tiers.suites!.includes(catalog.suite(s.name).tier));
  for (const layer of catalog.layers) applyLayer(state, layer, config);
  if (config.depth !== undefined) state.depth = config.depth;
  if (inline) applyLayer(state, inline, config);
  state.suites = applySuiteRules(state.suites, config, catalog);
  applyRefresh(state, config);
  return state;
}

/** config.yml `refresh` turns the refresh workflow on (with its schedule) or off, whatever the layers chose. */
function applyRefresh(state: Selection, config: Config): void {
  const selected = state.suites.some((s) => s.name === REFRESH_SUITE);
  const refresh = config.refresh ?? (selected ? 'weekly' : 'off');
  if (refresh === 'off') {
    state.suites = state.suites.filter((s) => s.name !== REFRESH_SUITE);
    return;
  }
  if (!selected) state.suites.push({ name: REFRESH_SUITE, by: 'config.yml refresh' });
  state.variables.refreshSchedule = refresh;
}

function applyLayer(state: Selection, layer: Layer, config: Config): void {
  // A layer written for another project type (a pack's overlays/library.yml) says nothing here.
  const forType = layer.overlay['project-type'];
  if (forType && forType !== config.projectType) return;
  applyChanges(state, layer.overlay, layer.label);
  layer.overlay.when?.forEach((block) => {
    if (matchesConfig(block.if, config)) applyChanges(state, block, `${layer.label} when ${describeCondition(block.if)}`);
  });
}

function applyChanges(state: Selection, changes: OverlayChanges, by: string): void {
  if (changes.depth !== undefined) state.depth = changes.depth;
  Object.assign(state.variables, changes.variables);
  for (const kind of ['knowledge', 'suites'] as Kind[]) {
    const ops = changes[kind];
    if (ops) state[kind] = applyList(state[kind], ops, by);
  }
}

function applyList(list: Selected[], ops: ListOps, by: string): Selected[] {
  let next = ops.replace ? ops.replace.map((name) => ({ name, by })) : list;
  if (ops.remove) next = next.filter((s) => !ops.remove!.includes(s.name));
  for (const name of ops.add ?? []) if (!next.some((s) => s.name === name)) next = [...next, { name, by }];
  return next;
}

function applySuiteRules(suites: Selected[], config: Config, catalog: SelectionCatalog): Selected[] {
  const kept = suites.filter((s) => {
    const when = catalog.suite(s.name).when;
    return !when || matchesConfig(when, config);
  });
  // Close over `requires`, keeping the order: a required suite comes before the one needing it.
  const out: Selected[] = [];
  const visit = (s: Selected): void => {
    if (out.some((o) => o.name === s.name)) return;
    for (const dep of catalog.suite(s.name).requires) visit({ name: dep, by: `required by ${s.name}` });
    out.push(s);
  };
  kept.forEach(visit);
  return out;
}

/** The answer at a dotted path such as `ml.servingPattern`. */
export function answerAt(config: Config, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config);
}

export function matchesConfig(condition: Condition, config: Config): boolean {
  return matches(condition, (path) => answerAt(config, path));
}
