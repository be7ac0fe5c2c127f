/** What exists to be selected: knowledge entries and suites shipped with this Scaffold. */
import { readEntry, listKnowledge } from '../knowledge/load.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { listSuites, readSuite, type Suite } from '../render/suites.js';
import { oncePerKey } from '../once.js';
import type { Catalog } from './merge.js';

export interface ContentCatalog extends Catalog {
  knowledgeNames: Set<string>;
  suiteNames: Set<string>;
  entry(name: string): KnowledgeEntry;
  suite(name: string): Suite;
}

/** Entries and suites are read on first use only, so a run pays for what it renders. */
export function contentCatalog(): ContentCatalog {
  const knowledgeFiles = listKnowledge();
  const suiteDirs = listSuites();
  const entry = oncePerKey((name: string): KnowledgeEntry => {
    const file = knowledgeFiles.get(name);
    if (!file) throw new Error(`no knowledge entry ${name}`);
    return readEntry(file);
  });
  const suite = (name: string): Suite => {
    const dir = suiteDirs.get(name);
    if (!dir) throw new Error(`no suite ${name}`);
    return readSuite(dir);
  };
  return {
    knowledgeNames: new Set(knowledgeFiles.keys()),
    suiteNames: new Set(suiteDirs.keys()),
    entry,
    suite,
    knowledgeTier: (name) => entry(name).tier,
  };
}
