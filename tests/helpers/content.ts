/** Scaffold's own content as the tests read it: every shipped entry and suite, through the catalog. */
import { loadCatalog } from '../../src/catalog/catalog.js';
import type { KnowledgeEntry } from '../../src/catalog/entries.js';
import type { Suite } from '../../src/catalog/suites.js';

export function shippedEntries(): KnowledgeEntry[] {
  const catalog = loadCatalog();
  return [...catalog.knowledgeNames].map((name) => catalog.entry(name));
}

export function shippedSuites(): Suite[] {
  const catalog = loadCatalog();
  return [...catalog.suiteNames].map((name) => catalog.suite(name));
}
