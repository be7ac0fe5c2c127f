/** The stages every command shares: from a config to the selection and the FilePlan. */
import type { Config } from '../config/schema.js';
import type { Source } from '../config/yaml-source.js';
import { UserError } from '../errors.js';
import { contentCatalog, type ContentCatalog } from '../overlays/catalog.js';
import { loadMethodology, readLocalOverlays, unknownNames, type LoadedLayer } from '../overlays/load.js';
import { resolvePlan, type ResolvedPlan } from '../overlays/merge.js';
import { buildFilePlan } from '../render/plan.js';
import type { PlannedFile } from '../render/plan-types.js';

export interface Selection {
  resolved: ResolvedPlan;
  catalog: ContentCatalog;
}

/**
 * Merge the layers for this config. `projectDir` adds the local overlays; `configSource` lets
 * problems in the inline overlay name their line in config.yml.
 */
export function resolveSelection(config: Config, projectDir?: string, configSource?: Source): Selection {
  const catalog = contentCatalog();
  const { preset, typeOverlay } = loadMethodology(config.methodology, config.projectType);
  const locals = projectDir ? readLocalOverlays(projectDir, config.projectType) : [];
  const layers: LoadedLayer[] = [preset, typeOverlay, ...locals];
  if (config.overlay) {
    const source = configSource ?? { file: 'the answers', data: {}, lineOf: () => undefined };
    layers.push({ label: 'config.yml overlay', overlay: config.overlay, source, at: ['overlay'] });
  }
  const known = { knowledge: catalog.knowledgeNames, suites: catalog.suiteNames };
  const problems = layers.flatMap((layer) => unknownNames(layer, known));
  if (problems.length > 0) throw new UserError(problems[0]!, problems.slice(1));
  return { resolved: resolvePlan(config, preset, typeOverlay, locals, catalog), catalog };
}

export function filePlanFor(config: Config, selection: Selection): PlannedFile[] {
  return buildFilePlan(config, selection.resolved, selection.catalog);
}

/**
 * How to run the generated tests: the `run` of each base suite (one that requires no other).
 * Suites built on a base run with it, so their own `run` lines would only repeat it.
 */
export function runCommands(selection: Selection): string[] {
  const bases = selection.resolved.suites.map((s) => selection.catalog.suite(s.name)).filter((s) => s.requires.length === 0);
  return [...new Set(bases.map((s) => s.run).filter((r): r is string => !!r))];
}
