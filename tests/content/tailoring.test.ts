/**
 * Where an answer changes the right advice, the text changes. Each line of
 * tests/fixtures/tailoring.jsonl, collected by the content reviewers, names an entry, a set of
 * answers, one field and the values to contrast, and the sections that must read differently:
 * for every two of the values each named section must differ in more than the answer's own name
 * (a sentence that only swaps "browser" for "edge" is not tailoring). A line may also give
 * `texts`: a phrase the section must hold for one value and not for the others.
 * Run one entry with: npx vitest run tests/content/tailoring -t library-api-design
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog.js';
import { projectTypes } from '../../src/catalog/types.js';
import { configSchema, type Config } from '../../src/config/schema.js';
import { renderEntryBody, splitSections } from '../../src/render/knowledge.js';
import { contextFor, pipelineFor } from '../helpers/plan.js';

type Value = string | number | boolean | string[];

interface Contrast {
  entry: string;
  answers: Record<string, Value>;
  field: string;
  values: Value[];
  sections: string[];
  texts?: { value: Value; section: string; text: string }[];
  /** The fixture's line number, for messages. */
  at: number;
}

const FIXTURE = new URL('../fixtures/tailoring.jsonl', import.meta.url);
const contrasts = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .map((line, i) => ({ line, at: i + 1 }))
  .filter(({ line }) => line.trim() !== '')
  .map(({ line, at }): Contrast => ({ ...(JSON.parse(line) as Omit<Contrast, 'at'>), at }));
const catalog = loadCatalog();
const show = (v: Value) => JSON.stringify(v);

/** A deep project with the line's answers and `field` set to `value`. */
function configFor(c: Contrast, value: Value): Config {
  const type = catalog.entry(c.entry).projectType!;
  const key = projectTypes().get(type).key;
  const parsed = configSchema().safeParse({ name: 'demo-project', projectType: type, methodology: 'deep', [key]: { ...c.answers, [c.field]: value } });
  if (!parsed.success) throw new Error(`line ${c.at}: ${c.field}=${show(value)} is not a valid answer here: ${parsed.error.issues[0]?.message}`);
  return parsed.data as Config;
}

/** The entry rendered in full for the line's answers with `field` set to `value`, by section. */
function sectionsFor(c: Contrast, value: Value): Map<string, string> {
  const body = renderEntryBody(catalog.entry(c.entry), contextFor(configFor(c, value), 'full'), 'full');
  return new Map(splitSections(body).map((s) => [s.heading ?? '', s.text]));
}

/** The section with the contrasted values' own names blanked, so what is left is the advice around them. */
function advice(text: string, values: Value[]): string {
  const names = values.flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])).sort((a, b) => b.length - a.length);
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const blanked = escaped.length ? text.replace(new RegExp(`(?<![\\w-])(?:${escaped.join('|')})(?![\\w-])`, 'gi'), '<answer>') : text;
  // A list of names such as "popup, devtools" shrinks to one mark.
  return blanked.replace(/<answer>(?:(?:, | and | or )<answer>)+/g, '<answer>');
}

/** `Section: A and B read the same` for every two values whose named section gives the same advice. */
function unchanged(sections: string[], values: Value[], rendered: Map<string, string>[]): string[] {
  const same: string[] = [];
  for (const section of sections) {
    rendered.forEach((a, i) =>
      rendered.slice(i + 1).forEach((b, k) => {
        const [textA, textB] = [a.get(section), b.get(section)];
        if (textA === undefined || textB === undefined) throw new Error(`no section "${section}"`);
        if (advice(textA, values) === advice(textB, values)) same.push(`${section}: ${show(values[i]!)} and ${show(values[i + 1 + k]!)} read the same`);
      }),
    );
  }
  return same;
}

describe.each(contrasts)('tailoring line $at: $entry by $field', (c) => {
  it(`renders different guidance in ${c.sections.join(', ')} for ${c.values.map(show).join(' / ')}`, () => {
    expect(unchanged(c.sections, c.values, c.values.map((v) => sectionsFor(c, v)))).toEqual([]);
  });

  if (c.texts) {
    it.each(c.texts)('says "$text" in $section for $value only', ({ value, section, text }) => {
      c.values.forEach((v) => {
        const has = sectionsFor(c, v).get(section)?.includes(text);
        expect(has, `${c.field}=${show(v)}`).toBe(show(v) === show(value));
      });
    });
  }
});

describe('the tailoring fixture', () => {
  const fields = (entry: string) => projectTypes().fields(catalog.entry(entry).projectType!).map((f) => f.key);

  it('names real entries and fields, at least two values each, and the sections entries have', () => {
    for (const c of contrasts) {
      expect(catalog.knowledgeNames.has(c.entry), `line ${c.at}: ${c.entry}`).toBe(true);
      expect(fields(c.entry), `line ${c.at}`).toContain(c.field);
      expect(new Set(c.values.map(show)).size, `line ${c.at}: values`).toBeGreaterThanOrEqual(2);
      for (const s of c.sections) expect(['Summary', 'Deep Guidance', 'Checklist'], `line ${c.at}`).toContain(s);
    }
  });

  // Guidance for answers that drop the entry (push notifications when there are none) reaches nobody.
  it('contrasts only answers whose projects have the entry', () => {
    const missing = contrasts.flatMap((c) =>
      c.values.filter((v) => !pipelineFor(configFor(c, v)).selection.knowledge.some((k) => k.name === c.entry)).map((v) => `line ${c.at}: ${c.entry} is not selected when ${c.field}=${show(v)}`),
    );
    expect(missing).toEqual([]);
  });

  it('covers the four entries the audit found thin', () => {
    const thin = { 'library-api-design': ['browser', 'edge'], 'data-pipeline-orchestration': ['streaming', 'hybrid'], 'ml-architecture': [], 'data-pipeline-quality': [] };
    for (const [entry, pair] of Object.entries(thin)) {
      const lines = contrasts.filter((c) => c.entry === entry);
      expect(lines.length, entry).toBeGreaterThan(0);
      if (pair.length) expect(lines.some((c) => pair.every((v) => c.values.includes(v))), `${entry}: ${pair.join(' vs ')}`).toBe(true);
    }
  });

  it('fails a section that only swaps the answer\'s name, and passes one whose advice changes', () => {
    const page = (summary: string) => new Map([['Summary', summary], ['Checklist', '- [ ] Same for all.']]);
    const values = ['browser', 'edge'];
    expect(unchanged(['Summary', 'Checklist'], values, [page('Built for browser.'), page('Built for edge.')])).toEqual([
      'Summary: "browser" and "edge" read the same',
      'Checklist: "browser" and "edge" read the same',
    ]);
    expect(unchanged(['Summary'], values, [page('Take elements as parameters.'), page('Build clients per request.')])).toEqual([]);
  });

  it('blanks only the answer names when comparing', () => {
    expect(advice('Ship one build per browser, tested in the browser.', ['browser', 'edge'])).toBe(advice('Ship one build per edge, tested in the edge.', ['browser', 'edge']));
    expect(advice('Panels: popup, devtools.', [['popup'], ['popup', 'devtools']])).toBe(advice('Panels: popup.', [['popup'], ['popup', 'devtools']]));
    expect(advice('Use the browser-extension API.', ['browser'])).toBe('Use the browser-extension API.');
  });
});
