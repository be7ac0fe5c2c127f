/** The data every template sees: the config's answers, the project's names and overlay variables. */
import type { TypeList } from '../catalog/types.js';
import type { Config } from '../config/schema.js';
import type { Selection } from '../overlays/merge.js';

export type RenderContext = Record<string, unknown>;

/** `fraud-model` -> `fraud_model` for Python; npm packages keep the name as it is. */
export function packageNameFor(config: Pick<Config, 'name' | 'projectType'>, types: TypeList): string {
  if (types.get(config.projectType).stack !== 'python') return config.name;
  const snake = config.name.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(snake) ? snake : `pkg_${snake}`;
}

/**
 * `depth` defaults to the selection's (`scaffold show --depth` overrides it). The selected
 * entries let `{{ref}}` link only to what this project's knowledge base has.
 */
export function renderContext(config: Config, selection: Selection, types: TypeList, version: string, depth = selection.depth): RenderContext {
  const key = types.get(config.projectType).key;
  // Variables come first so that answers and names can never be shadowed by an overlay.
  return {
    ...selection.variables,
    name: config.name,
    packageName: packageNameFor(config, types),
    projectType: config.projectType,
    methodology: config.methodology,
    depth,
    scaffoldVersion: version,
    selectedKnowledge: selection.knowledge.map((s) => s.name),
    knowledgeLinkBase: '',
    [key]: config[key],
  };
}
