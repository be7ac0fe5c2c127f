/**
 * From the Selection to the FilePlan: every file the selected content renders to, in memory.
 * Pure: everything it reads comes through the catalog it is given.
 */
import type { Catalog } from '../catalog/catalog.js';
import { UserError } from '../errors.js';
import type { Config } from '../config/schema.js';
import type { Selection } from '../overlays/merge.js';
import { KNOWLEDGE_OUT, renderAgentFiles } from './agents.js';
import { renderContext } from './context.js';
import type { FilePlan } from './file-plan.js';
import { renderEntryFile } from './knowledge.js';
import { renderKnowledgeIndex } from './knowledge-index.js';
import { renderSuite } from './suites.js';

export function renderFilePlan(config: Config, selection: Selection, catalog: Catalog, version: string): FilePlan {
  const context = renderContext(config, selection, catalog.types, version);
  const files: FilePlan = [];
  const entries = selection.knowledge.map((s) => catalog.entry(s.name));
  for (const entry of entries) {
    files.push({
      path: `${KNOWLEDGE_OUT}/${entry.name}.md`,
      content: renderEntryFile(entry, context, selection.depth),
      policy: 'managed',
      source: `knowledge ${entry.name}`,
    });
  }
  if (entries.length > 0) {
    files.push({
      path: `${KNOWLEDGE_OUT}/README.md`,
      content: renderKnowledgeIndex(selection, entries, config.name),
      policy: 'managed',
      source: 'knowledge index',
    });
  }
  for (const selected of selection.suites) files.push(...renderSuite(catalog.suite(selected.name), context));
  files.push(...renderAgentFiles(config, selection, catalog, context, version));
  return withoutCollisions(files);
}

/** Two suites must never render the same path: a shipped suite that did would fail the tests; a pack's or a project's is told. */
function withoutCollisions(files: FilePlan): FilePlan {
  const seen = new Map<string, string>();
  for (const f of files) {
    const other = seen.get(f.path);
    if (other) throw new UserError(`${f.path} is rendered by both ${other} and ${f.source}: two selected suites must not write the same file; rename one of them`);
    seen.set(f.path, f.source);
  }
  return files;
}
