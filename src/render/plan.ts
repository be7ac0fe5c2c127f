/** From the resolved selection to the FilePlan: every file Scaffold would write, in memory. */
import { SCHEMA_FILE } from '../config/load.js';
import { configSchemaText, type Config } from '../config/schema.js';
import { renderEntryFile } from '../knowledge/render.js';
import type { ContentCatalog } from '../overlays/catalog.js';
import type { ResolvedPlan } from '../overlays/merge.js';
import { renderContext } from './context.js';
import { renderKnowledgeIndex } from './knowledge-index.js';
import type { PlannedFile } from './plan-types.js';
import { renderSuite } from './suites.js';

export const KNOWLEDGE_OUT = 'docs/knowledge';

export function buildFilePlan(config: Config, plan: ResolvedPlan, catalog: ContentCatalog): PlannedFile[] {
  const context = renderContext(config, plan.depth, plan.variables, plan.knowledge.map((s) => s.name));
  const files: PlannedFile[] = [
    {
      path: SCHEMA_FILE,
      content: configSchemaText(),
      policy: 'managed',
      source: 'config schema',
    },
  ];
  const entries = plan.knowledge.map((s) => catalog.entry(s.name));
  for (const entry of entries) {
    files.push({
      path: `${KNOWLEDGE_OUT}/${entry.name}.md`,
      content: renderEntryFile(entry, context, plan.depth),
      policy: 'managed',
      source: `knowledge ${entry.name}`,
    });
  }
  if (entries.length > 0) {
    files.push({
      path: `${KNOWLEDGE_OUT}/README.md`,
      content: renderKnowledgeIndex(plan, entries, config.name),
      policy: 'managed',
      source: 'knowledge index',
    });
  }
  for (const selected of plan.suites) files.push(...renderSuite(catalog.suite(selected.name), context));
  return withoutCollisions(files);
}

/** Two suites must never render the same path: that is a content bug, caught by the tests. */
function withoutCollisions(files: PlannedFile[]): PlannedFile[] {
  const seen = new Map<string, string>();
  for (const f of files) {
    const other = seen.get(f.path);
    if (other) throw new Error(`${f.path} is rendered by both ${other} and ${f.source}`);
    seen.set(f.path, f.source);
  }
  return files;
}
