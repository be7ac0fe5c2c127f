/** Merge overlay layers into the ResolvedPlan. Pure: the rules are listed in README.md. */
import type { Condition, ListOps, Overlay } from '../config/overlay-schema.js';
import type { Config } from '../config/schema.js';

export interface Layer {
  /** Who is speaking, as shown in the knowledge index: "preset deep", ".scaffold/overlays/team.yml". */
  label: string;
  overlay: Overlay;
}

export interface Catalog {
  knowledgeTier(name: string): string;
  suite(name: string): { tier: string; when?: Condition; requires: string[] };
}

export interface Selected {
  name: string;
  /** The layer (and condition) that selected it. */
  by: string;
}

export interface ResolvedPlan {
  projectType: string;
  methodology: string;
  depth: number;
  knowledge: Selected[];
  suites: Selected[];
  variables: Record<string, string | number | boolean>;
}

type Kind = 'knowledge' | 'suites';

export function resolvePlan(config: Config, preset: Layer, typeOverlay: Layer, locals: Layer[], catalog: Catalog): ResolvedPlan {
  const state: ResolvedPlan = {
    projectType: config.projectType,
    methodology: config.methodology,
    depth: 0,
    knowledge: [],
    suites: [],
    variables: {},
  };
  applyLayer(state, preset, config);
  applyLayer(state, typeOverlay, config);
  const tiers = preset.overlay.tiers;
  if (tiers?.knowledge) state.knowledge = state.knowledge.filter((s) => tiers.knowledge!.includes(catalog.knowledgeTier(s.name)));
  if (tiers?.suites) state.suites = state.suites.filter((s) => tiers.suites!.includes(catalog.suite(s.name).tier));
  for (const layer of locals) applyLayer(state, layer, config);
  if (config.depth !== undefined) state.depth = config.depth;
  if (config.overlay) applyLayer(state, { label: 'config.yml overlay', overlay: config.overlay }, config);
  state.suites = applySuiteRules(state.suites, config, catalog);
  return state;
}

function applyLayer(state: ResolvedPlan, layer: Layer, config: Config): void {
  applyChanges(state, layer.overlay, layer.label);
  layer.overlay.when?.forEach((block) => {
    if (matches(block.if, config)) applyChanges(state, block, `${layer.label} when ${describeCondition(block.if)}`);
  });
}

function applyChanges(state: ResolvedPlan, changes: Omit<Overlay, 'when'>, by: string): void {
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

function applySuiteRules(suites: Selected[], config: Config, catalog: Catalog): Selected[] {
  const kept = suites.filter((s) => {
    const when = catalog.suite(s.name).when;
    return !when || matches(when, config);
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

export function matches(condition: Condition, config: Config): boolean {
  return Object.entries(condition).every(([path, expected]) => {
    const wanted = [expected].flat();
    const actual = answerAt(config, path);
    return Array.isArray(actual) ? actual.some((v) => wanted.includes(v)) : wanted.includes(actual as never);
  });
}

function describeCondition(condition: Condition): string {
  return Object.entries(condition)
    .map(([path, v]) => `${path}: ${[v].flat().join('|')}`)
    .join(', ');
}
