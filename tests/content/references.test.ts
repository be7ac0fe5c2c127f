/**
 * No rendered project has a dangling reference: for every project type x methodology x example
 * answers, with every agent's files, each relative link in each markdown file (the knowledge
 * base, AGENTS.md, Cursor rules, Copilot instructions, skills, suite docs) reaches a file of the
 * same plan, and a heading there when it names one. A `{{ref}}` to an entry the project did not
 * select renders as text, never as a link.
 */
import { describe, expect, it } from 'vitest';
import { projectTypes } from '../../src/catalog/types.js';
import { validateConfig } from '../../src/config/load.js';
import { AGENT_IDS } from '../../src/config/schema.js';
import { exampleConfig } from '../helpers/combinations.js';
import { danglingLinks, linksOf } from '../helpers/links.js';
import { pipelineFor } from '../helpers/plan.js';

const METHODOLOGIES = ['deep', 'mvp', 'custom'] as const;
const cases = projectTypes().ids.flatMap((type) =>
  METHODOLOGIES.flatMap((methodology) => projectTypes().get(type).examples.map((_, i) => ({ type, methodology, example: i, label: `example ${i + 1}` }))),
);

describe('references in rendered projects', () => {
  it.each(cases)('$type, $methodology, $label: every relative link reaches a file of the project', ({ type, methodology, example }) => {
    const config = validateConfig(exampleConfig(type, example, { methodology, agents: [...AGENT_IDS] }));
    const run = pipelineFor(config);
    const plan = run.files();
    const docs = plan.filter((f) => /\.(md|mdc)$/.test(f.path));
    // Every project links its knowledge base from AGENTS.md at least.
    expect(docs.flatMap((f) => linksOf(f.content, f.path)).length).toBeGreaterThanOrEqual(run.selection.knowledge.length);
    expect(danglingLinks(plan)).toEqual([]);
    // A reference to an entry that is not here says how to read it instead.
    const selected = new Set(run.selection.knowledge.map((k) => k.name));
    for (const f of docs) {
      for (const m of f.content.matchAll(/\b([a-z0-9-]+) \(not in this knowledge base; `npx scaffold-overlays show ([a-z0-9-]+)` prints it\)/g)) {
        expect(m[1], f.path).toBe(m[2]);
        expect(selected.has(m[1]!), `${f.path} says ${m[1]} is not in the knowledge base`).toBe(false);
      }
    }
  });
});

describe('the link check itself', () => {
  const files = [
    { path: 'docs/knowledge/a.md', content: '# A\n\n## Two words\n\nSee [b](b.md), [two](#two-words), [c](c.md).\n\n```md\n[in code](nowhere.md)\n```\n\nAnd `[inline](nowhere.md)`.\n' },
    { path: 'docs/knowledge/b.md', content: '# B\n\n[up](../../AGENTS.md) [top](/AGENTS.md) [out](../../../x.md) [gone](a.md#missing) [web](https://example.com/x.md)\n' },
    { path: '.agents/skills/a/SKILL.md', content: '[a](../../../docs/knowledge/a.md#two-words)\n\n[ref]: ../../../docs/knowledge/zzz.md\n' },
    { path: 'AGENTS.md', content: '<a href="docs/knowledge/">the folder</a>\n' },
    { path: 'CLAUDE.md', content: '@AGENTS.md\n@MISSING.md\n' },
  ];

  it('finds links outside code only, and skips absolute URLs', () => {
    expect(linksOf(files[0]!.content, files[0]!.path).map((l) => l.target)).toEqual(['b.md', '#two-words', 'c.md']);
  });

  it('reports each dangling link with its file, line and why', () => {
    expect(danglingLinks(files)).toEqual([
      'docs/knowledge/a.md:5: c.md (no such file in this project)',
      'docs/knowledge/b.md:3: /AGENTS.md (an absolute path: use one relative to the file)',
      'docs/knowledge/b.md:3: ../../../x.md (outside the project)',
      'docs/knowledge/b.md:3: a.md#missing (no heading "#missing" in docs/knowledge/a.md)',
      '.agents/skills/a/SKILL.md:3: ../../../docs/knowledge/zzz.md (no such file in this project)',
      'CLAUDE.md:2: MISSING.md (no such file in this project)',
    ]);
  });
});
