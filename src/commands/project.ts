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

/** The commands to run the generated suites, from each selected suite's suite.yml. */
export function runCommands(selection: Selection): string[] {
  const commands = selection.resolved.suites.map((s) => selection.catalog.suite(s.name).run).filter((r): r is string => !!r);
  return [...new Set(commands)];
}
