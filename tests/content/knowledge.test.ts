/**
 * Every knowledge entry, checked as a reader would: frontmatter valid, the three sections, no
 * placeholders, and for every combination of its type's answers a complete document of 180-350
 * lines whose code fences name their language and parse.
 * Run one entry with: npx vitest run tests/content -t ml-testing
 */
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/catalog/entries.js';
import { projectTypes } from '../../src/catalog/types.js';
import { renderEntryBody, splitSections } from '../../src/render/knowledge.js';
import { answerCombinations, describeAnswers } from '../helpers/combinations.js';
import { shippedEntries } from '../helpers/content.js';
import { contextFor } from '../helpers/plan.js';
import { fencesOf, pythonSyntaxErrors, syntaxError, type Fence } from './fences.js';

const entries = shippedEntries();
const KNOWN_LANGUAGES = new Set([
  'python', 'typescript', 'ts', 'tsx', 'javascript', 'js', 'json', 'jsonc', 'yaml', 'toml', 'bash', 'sh',
  'text', 'sql', 'dockerfile', 'swift', 'kotlin', 'xml', 'ruby', 'gherkin', 'ini', 'html', 'css', 'diff', 'groovy',
  'makefile', 'proto', 'protobuf', 'hcl', 'markdown', 'md', 'properties', 'avro', 'graphql', 'console', 'jinja',
]);

/** Headings followed by nothing before the next heading of the same or a higher level. */
function emptyHeadings(markdown: string): string[] {
  const lines = markdown.split('\n').filter((l) => l.trim() !== '');
  const empty: string[] = [];
  lines.forEach((line, i) => {
    const level = /^(#+) /.exec(line)?.[1]?.length;
    if (!level) return;
    const next = lines[i + 1];
    const nextLevel = next && /^(#+) /.exec(next)?.[1]?.length;
    if (next === undefined || (nextLevel && nextLevel <= level)) empty.push(line);
  });
  return empty;
}

// Most combinations render the same fences: parse each distinct one once.
const verdicts = new Map<string, string | undefined>();
function checkedOnce(fence: Fence): string | undefined {
  const key = `${fence.lang}\n${fence.code}`;
  if (!verdicts.has(key)) verdicts.set(key, syntaxError(fence));
  return verdicts.get(key);
}

describe.each(entries)('knowledge entry $name', (entry) => {
  const configs = answerCombinations(entry.projectType!);

  it('opens with a title and an intro, then Summary, Deep Guidance and Checklist in order', () => {
    const sections = splitSections(entry.body());
    expect(sections[0]!.text.trim()).toMatch(/^# \S[^\n]*\n+\S/);
    expect(sections.slice(1).map((s) => s.heading)).toEqual([...SECTIONS]);
  });

  it('has no placeholder text', () => {
    expect(entry.body()).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|<YOUR_[A-Z_]+>|replace me/i);
  });

  it('names the language of every code fence', () => {
    const unnamed = fencesOf(entry.body()).filter((f) => !KNOWN_LANGUAGES.has(f.lang));
    expect(unnamed.map((f) => `line ${f.line}: "${f.lang}"`)).toEqual([]);
  });

  it(`renders completely for all ${configs.length} combinations of ${entry.projectType} answers`, () => {
    const problems: string[] = [];
    const python = new Map<string, { key: string; lang: 'python' | 'toml'; code: string }>();
    const escapes = (entry.body().match(/\\\{\{/g) ?? []).length;
    for (const config of configs) {
      const label = describeAnswers(config);
      const full = renderEntryBody(entry, contextFor(config, 'full'), 'full');
      const short = renderEntryBody(entry, contextFor(config, 'summary'), 'summary');
      const lines = full.split('\n').length;
      if (lines < 180 || lines > 350) problems.push(`${label}: ${lines} lines (expected 180-350)`);
      if ((full.match(/\{\{/g) ?? []).length > escapes) problems.push(`${label}: unresolved {{ in output`);
      for (const heading of emptyHeadings(full)) problems.push(`${label}: empty section "${heading}"`);
      const sections = splitSections(full);
      if (sections.slice(1).map((s) => s.heading).join('|') !== SECTIONS.join('|')) {
        problems.push(`${label}: sections rendered as ${sections.map((s) => s.heading).join(', ')}`);
      }
      const summary = sections.find((s) => s.heading === 'Summary')?.text ?? '';
      if (/\b(see|described|shown) below\b/i.test(summary)) problems.push(`${label}: Summary points below; it must stand alone`);
      const checklist = sections.find((s) => s.heading === 'Checklist')?.text ?? '';
      const items = checklist.split('\n').filter((l) => /^- \[ \] \S/.test(l)).length;
      if (items < 6 || items > 12) problems.push(`${label}: ${items} checklist items "- [ ] ..." (expected 6-12)`);
      if (/^## Deep Guidance/m.test(short) || !/^## Checklist/m.test(short)) problems.push(`${label}: summary depth sections wrong`);
      for (const fence of fencesOf(full)) {
        const error = checkedOnce(fence);
        if (error) problems.push(`${label}: ${fence.lang} fence at line ${fence.line}: ${error}`);
        if (fence.lang === 'python' || fence.lang === 'toml') {
          python.set(fence.code, { key: `${label}: ${fence.lang} fence at line ${fence.line}`, lang: fence.lang, code: fence.code });
        }
      }
    }
    for (const [key, error] of pythonSyntaxErrors([...python.values()])) problems.push(`${key}: ${error}`);
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
  });
});

describe('the knowledge base', () => {
  it('holds twelve entries for every project type', () => {
    for (const type of projectTypes().ids) {
      expect(entries.filter((e) => e.projectType === type).map((e) => e.name)).toHaveLength(12);
    }
  });
});
