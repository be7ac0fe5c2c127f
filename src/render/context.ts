/** The data every template sees: the config's answers, the project's names and overlay variables. */
import type { Config } from '../config/schema.js';
import { PROJECT_TYPES } from '../config/project-types.js';
import { scaffoldVersion } from '../package-root.js';

export type RenderContext = Record<string, unknown>;

const PYTHON_TYPES = new Set(['ml', 'data-pipeline']);

/** `fraud-model` -> `fraud_model` for Python; npm packages keep the name as it is. */
export function packageNameFor(config: Pick<Config, 'name' | 'projectType'>): string {
  if (!PYTHON_TYPES.has(config.projectType)) return config.name;
  const snake = config.name.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(snake) ? snake : `pkg_${snake}`;
}

/** `selectedKnowledge`: the entries this project renders, so `{{ref}}` links only to those. */
export function renderContext(config: Config, depth: number, variables: Record<string, unknown>, selectedKnowledge: string[] = []): RenderContext {
  const key = PROJECT_TYPES[config.projectType].key;
  // Variables come first so that answers and names can never be shadowed by an overlay.
  return {
    ...variables,
    name: config.name,
    packageName: packageNameFor(config),
    projectType: config.projectType,
    methodology: config.methodology,
    depth,
    scaffoldVersion: scaffoldVersion(),
    selectedKnowledge,
    knowledgeLinkBase: '',
    [key]: config[key],
  };
}
