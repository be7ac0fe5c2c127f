/** The pipeline on a config, outside any project: what the golden and content tests render. */
import type { Depth } from '../../src/catalog/depth.js';
import { projectTypes } from '../../src/catalog/types.js';
import type { Config } from '../../src/config/schema.js';
import type { Selection } from '../../src/overlays/merge.js';
import { scaffoldVersion } from '../../src/package-root.js';
import { pipeline, type Pipeline } from '../../src/pipeline.js';
import { renderContext, type RenderContext } from '../../src/render/context.js';

export function pipelineFor(config: Config): Pipeline {
  return pipeline({ projectDir: '/nonexistent-project', config, local: false });
}

/**
 * What templates see for a config at a depth, with an empty variable set and nothing selected
 * (so every `{{ref}}` renders as text): how the content tests render each entry on its own.
 */
export function contextFor(config: Config, depth: Depth): RenderContext {
  const selection: Selection = { projectType: config.projectType, methodology: config.methodology, depth, knowledge: [], suites: [], variables: {}, agents: [] };
  return renderContext(config, selection, projectTypes(), scaffoldVersion(), depth);
}
