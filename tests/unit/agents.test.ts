/**
 * Files for coding agents (issue 13), checked against each agent's documented format for every
 * project type and example: Cursor rules with a boolean alwaysApply and valid globs, Copilot
 * instructions with applyTo, Agent Skills within the standard's limits, an AGENTS.md that is
 * short, command-first and copies no entry text; and all of them tailored to the answers.
 */
import matter from 'gray-matter';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/catalog/glob.js';
import { projectTypes } from '../../src/catalog/types.js';
import { validateConfig } from '../../src/config/load.js';
import { AGENT_IDS } from '../../src/config/schema.js';
import type { FilePlan } from '../../src/render/file-plan.js';
import { exampleConfig } from '../helpers/combinations.js';
import { pipelineFor } from '../helpers/plan.js';

const types = projectTypes();
const planOf = (type: string, example = 0, extra: object = {}): FilePlan =>
  pipelineFor(validateConfig(exampleConfig(type, example, { agents: [...AGENT_IDS], ...extra }))).files();
const front = (content: string) => {
  // A YAML parser must read the frontmatter as the agents do: strings, lists and real booleans.
  const raw = /^---\n([^]*?)\n---\n/.exec(content)?.[1];
  expect(raw, 'frontmatter').toBeDefined();
  return { data: parse(raw!) as Record<string, unknown>, body: content.slice(raw!.length + 8) };
};

describe.each(types.ids.flatMap((t) => types.get(t).examples.map((_, i) => [t, i] as const)))('agent files of %s, example %i', (type, example) => {
  const plan = planOf(type, example);
  const at = (pattern: RegExp) => plan.filter((f) => pattern.test(f.path));

  it('write Cursor rules with a description, valid globs and a boolean alwaysApply', () => {
    const rules = at(/^\.cursor\/rules\/.*\.mdc$/);
    expect(rules.filter((r) => front(r.content).data.alwaysApply === true).map((r) => r.path)).toEqual(['.cursor/rules/scaffold-project.mdc']);
    for (const rule of rules) {
      const { data } = front(rule.content);
      expect(typeof data.alwaysApply, rule.path).toBe('boolean');
      expect(typeof data.description, rule.path).toBe('string');
      if (data.alwaysApply) continue;
      expect(typeof data.globs, rule.path).toBe('string');
      for (const glob of (data.globs as string).split(',')) {
        expect(glob, rule.path).toMatch(/^[^/\s][^\s]*$/);
        expect(() => globToRegExp(glob)).not.toThrow();
      }
    }
  });

  it('write Copilot instructions with applyTo, and the repository-wide file as a block', () => {
    expect(plan.find((f) => f.path === '.github/copilot-instructions.md')?.policy).toBe('block');
    for (const file of at(/^\.github\/instructions\/.*\.instructions\.md$/)) {
      const { data } = front(file.content);
      expect(typeof data.applyTo, file.path).toBe('string');
      expect((data.applyTo as string).length).toBeGreaterThan(0);
    }
  });

  it('write one Agent Skill per entry where the agents read them, within the standard\'s limits', () => {
    const entries = plan.filter((f) => f.source.startsWith('knowledge ') && f.path !== 'docs/knowledge/README.md').map((f) => f.source.slice('knowledge '.length));
    for (const root of ['.agents/skills', '.claude/skills']) {
      const skills = at(new RegExp(`^${root.replace('.', '\\.')}/[^/]+/SKILL\\.md$`));
      expect(skills.map((s) => s.path.split('/')[2]).sort()).toEqual([...entries].sort());
      for (const skill of skills) {
        const { data } = front(skill.content);
        expect(data.name).toBe(skill.path.split('/')[2]);
        expect(data.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect((data.name as string).length).toBeLessThanOrEqual(64);
        expect(typeof data.description).toBe('string');
        expect((data.description as string).length).toBeGreaterThan(20);
        expect((data.description as string).length).toBeLessThanOrEqual(1024);
      }
    }
  });

  it('write a short, command-first AGENTS.md that indexes the knowledge and copies none of it', () => {
    const agents = plan.find((f) => f.path === 'AGENTS.md')!;
    const lines = agents.content.split('\n');
    expect(lines.length + 2).toBeLessThanOrEqual(80); // with its two marker lines
    expect(lines.findIndex((l) => l === '## Commands')).toBeLessThan(lines.findIndex((l) => l.startsWith('## Knowledge base')));
    const docs = plan.filter((f) => f.path.startsWith('docs/knowledge/') && f.path !== 'docs/knowledge/README.md');
    for (const doc of docs) expect(agents.content, doc.path).toContain(`(docs/knowledge/${doc.path.split('/').pop()})`);
    const copied = docs.flatMap((d) => d.content.split('\n').filter((l) => l.length > 40 && agents.content.includes(l)));
    expect(copied).toEqual([]);
    expect(plan.find((f) => f.path === 'CLAUDE.md')!.content).toMatch(/^@AGENTS\.md$/m);
  });

  it('configure the MCP server for each agent that has a project-level configuration', () => {
    const server = { command: 'npx', args: ['--yes', expect.stringMatching(/^scaffold-overlays@\d+\.\d+\.\d+/), 'mcp'] };
    expect(JSON.parse(plan.find((f) => f.path === '.mcp.json')!.content)).toEqual({ mcpServers: { scaffold: server } });
    expect(JSON.parse(plan.find((f) => f.path === '.cursor/mcp.json')!.content)).toEqual({ mcpServers: { scaffold: server } });
    expect(JSON.parse(plan.find((f) => f.path === '.vscode/mcp.json')!.content)).toEqual({ servers: { scaffold: { type: 'stdio', ...server } } });
    expect(plan.find((f) => f.path === '.codex/config.toml')!.content).toMatch(/^\[mcp_servers\.scaffold\]\ncommand = "npx"\nargs = \["--yes", "scaffold-overlays@[\d.]+", "mcp"\]\n$/);
  });
});

describe('agent files follow the answers', () => {
  const byPath = (plan: FilePlan) => new Map(plan.map((f) => [f.path, f.content]));

  it('change the index, the rules and the skills when an answer changes', () => {
    const realtime = byPath(planOf('ml', 0));
    const batch = byPath(planOf('ml', 0, { ml: { projectPhase: 'both', modelType: 'classical', servingPattern: 'batch' } }));
    for (const path of ['AGENTS.md', '.cursor/rules/ml-testing.mdc', '.github/instructions/ml-testing.instructions.md', '.agents/skills/ml-testing/SKILL.md']) {
      expect(batch.get(path), path).toBeDefined();
      expect(batch.get(path), path).not.toBe(realtime.get(path));
    }
  });

  it('leave out the rule, instruction and skill of an entry that leaves the selection', () => {
    const training = byPath(planOf('ml', 1));
    expect([...training.keys()].filter((p) => p.includes('ml-serving-patterns'))).toEqual([]);
    expect(training.get('AGENTS.md')).not.toContain('ml-serving-patterns');
  });

  it('write only what the chosen agents read', () => {
    const none = planOf('library', 0, { agents: [] }).map((f) => f.path);
    expect(none.filter((p) => /^(AGENTS|CLAUDE)\.md$|^\.(cursor|github\/instructions|agents|claude|codex|vscode)\/|mcp\.json$/.test(p))).toEqual([]);
    const cursorOnly = planOf('library', 0, { agents: ['cursor'] }).map((f) => f.path);
    expect(cursorOnly.some((p) => p.startsWith('.cursor/rules/'))).toBe(true);
    expect(cursorOnly).not.toContain('AGENTS.md');
    expect(cursorOnly).not.toContain('.cursor/mcp.json');
  });

  it('parse back as frontmatter with the library Scaffold itself uses', () => {
    const rule = planOf('ml', 0).find((f) => f.path === '.cursor/rules/ml-testing.mdc')!;
    expect(matter(rule.content).data).toMatchObject({ alwaysApply: false, globs: expect.stringContaining('tests/**/*.py') });
  });
});
