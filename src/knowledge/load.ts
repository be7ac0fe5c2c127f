/** Find and read knowledge entries. Listing is cheap (file names); parsing happens per entry. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { formatIssues } from '../config/issues.js';
import { builtData } from '../compiled.js';
import { yaml } from '../config/yaml.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { entryFrontmatter, type KnowledgeEntry } from './entry.js';

const KNOWLEDGE_DIR = 'content/knowledge';
const require = createRequire(import.meta.url);

/** Every entry name, mapped to its file (relative to the package root). */
export function listKnowledge(root = PACKAGE_ROOT): Map<string, string> {
  const found = new Map<string, string>();
  const base = join(root, KNOWLEDGE_DIR);
  if (!existsSync(base)) return found;
  for (const type of readdirSync(base).sort()) {
    for (const file of readdirSync(join(base, type)).sort()) {
      if (file.endsWith('.md')) found.set(file.slice(0, -3), `${KNOWLEDGE_DIR}/${type}/${file}`);
    }
  }
  return found;
}

/** An entry as the build stores it (src/compiled.ts): checked, with where its body starts. */
export type CheckedEntry = Omit<KnowledgeEntry, 'file' | 'body'> & { bodyAt: number };

export function readEntry(file: string, root = PACKAGE_ROOT): KnowledgeEntry {
  const text = readFileSync(join(root, file), 'utf8');
  const { bodyAt, ...entry } = builtData<CheckedEntry>(file, text) ?? checkEntry(text, file);
  return { ...entry, file, body: text.slice(bodyAt) };
}

/**
 * Frontmatter parsed and checked. The build does this for every shipped entry, so the
 * frontmatter parser (and the YAML library it loads) runs only for an entry changed since.
 */
export function checkEntry(text: string, file: string): CheckedEntry {
  const matter = require('gray-matter') as typeof import('gray-matter');
  const parsed = matter(text, { engines: { yaml: (frontmatter: string) => yaml().parse(frontmatter) as object } });
  const result = entryFrontmatter().safeParse(parsed.data, { reportInput: true });
  if (!result.success) throw new Error(`${file}: bad frontmatter: ${formatIssues(result.error.issues).join('; ')}`);
  const data = result.data;
  if (!file.endsWith(`/${data['project-type']}/${data.name}.md`)) {
    throw new Error(`${file}: frontmatter name/project-type must match the file's folder and name`);
  }
  return {
    name: data.name,
    description: data.description,
    topics: data.topics,
    tier: data.tier,
    projectType: data['project-type'],
    ...(data.reviewed && { reviewed: data.reviewed }),
    ...(data.sources && { sources: data.sources }),
    ...(data.when && { when: data.when }),
    ...(data.globs && { globs: data.globs }),
    // gray-matter's content is the text after the closing `---`: a suffix of the file.
    bodyAt: text.length - parsed.content.length,
  };
}
