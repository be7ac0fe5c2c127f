/**
 * Files for coding agents, made from the same Selection and answers as the knowledge base, so
 * they change when the answers do and `update --check` catches them going stale. They index the
 * knowledge, they never copy it: short, command-first files help agents; long copies of docs make
 * them slower. Which agent reads which file is in the README ("For coding agents").
 *
 * - agents-md: AGENTS.md (a block in the file): the commands, the index, the answers.
 * - claude: CLAUDE.md (a block) importing AGENTS.md, which is written too.
 * - cursor: .cursor/rules/scaffold-project.mdc (always applied: commands and index) and one rule
 *   per selected entry with globs, attached to those files.
 * - copilot: .github/copilot-instructions.md (a block: commands and index) and
 *   .github/instructions/<entry>.instructions.md with `applyTo`.
 * - skills: one Agent Skill per selected entry, in .agents/skills/ and .claude/skills/.
 * - mcp: the server `scaffold mcp` in each selected agent's project MCP configuration.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { KnowledgeEntry } from '../catalog/entries.js';
import type { Config } from '../config/schema.js';
import type { Selection } from '../overlays/merge.js';
import type { RenderContext } from './context.js';
import type { FilePlan, PlannedFile } from './file-plan.js';
import { projectCommands } from './commands.js';
import { renderEntryBody, splitSections } from './knowledge.js';

export const KNOWLEDGE_OUT = 'docs/knowledge';


const code = (command: string) => `\`${command}\``;

/** The commands and the knowledge index: what AGENTS.md, the always-applied Cursor rule and Copilot share. */
function commandsAndIndex(config: Config, selection: Selection, catalog: Catalog, linkBase: string): string[] {
  const commands = projectCommands(selection, catalog);
  const entries = selection.knowledge.map((s) => catalog.entry(s.name));
  const lines = ['## Commands', ''];
  for (const c of commands.install) lines.push(`- Install (once): ${code(c)}`);
  for (const c of commands.activate) lines.push(`- In every new shell, first: ${code(c)}`);
  for (const c of commands.test) lines.push(`- Run the tests: ${code(c)}`);
  for (const c of commands.typecheck) lines.push(`- Type-check: ${code(c)}`);
  for (const c of commands.lint) lines.push(`- Lint: ${code(c)}`);
  for (const [what, c] of commands.focused) lines.push(`- Only ${what.charAt(0).toLowerCase()}${what.slice(1)}: ${code(c)}`);
  if (lines.length === 2) lines.push('- This project has no starter suites selected; see `.scaffold/config.yml`.');
  lines.push('', `## Knowledge base (${KNOWLEDGE_OUT}/)`, '');
  if (entries.length === 0) lines.push('No knowledge entries are selected for this project.');
  else {
    lines.push(`Guidance tailored to this project's answers. Read the entry before changing the files it covers.`, '');
    for (const e of entries) {
      const files = e.globs?.length ? ` (${e.globs.map(code).join(', ')})` : '';
      lines.push(`- [${e.name}](${linkBase}${e.name}.md): ${whenOf(e)}${files}`);
    }
  }
  const section = config[catalog.types.get(config.projectType).key] as Record<string, unknown>;
  const answers = Object.entries(section).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('+') || 'none' : String(v)}`);
  lines.push('', '## Answers', '', `${config.projectType} (${answers.join(', ')}), methodology ${config.methodology}. They are in \`.scaffold/config.yml\`; after editing it, run ${code('npx scaffold-overlays update')}.`);
  return lines;
}

/** When to read an entry: its own line, or for an entry without one, what it covers. */
function whenOf(entry: KnowledgeEntry): string {
  return entry.when ?? `About ${entry.description.charAt(0).toLowerCase()}${entry.description.slice(1)}`;
}

/** The entry's checklist as rendered for this project, with links that resolve from `linkBase`. */
function checklist(entry: KnowledgeEntry, context: RenderContext, linkBase: string): string {
  const body = renderEntryBody(entry, { ...context, knowledgeLinkBase: linkBase }, 'summary');
  return splitSections(body).find((s) => s.heading === 'Checklist')?.text.trim() ?? '';
}

function titleOf(entry: KnowledgeEntry, context: RenderContext): string {
  const body = renderEntryBody(entry, context, 'summary');
  return /^# (.+)$/m.exec(body)?.[1] ?? entry.name;
}

/** YAML for a frontmatter value: JSON's quoted strings are YAML double-quoted strings. */
const yamlString = (text: string) => JSON.stringify(text);

export function renderAgentFiles(config: Config, selection: Selection, catalog: Catalog, context: RenderContext, version: string): FilePlan {
  const agents = new Set(selection.agents);
  const files: FilePlan = [];
  const add = (path: string, content: string, policy: PlannedFile['policy'], source: string) => files.push({ path, content, policy, source });
  const entries = selection.knowledge.map((s) => catalog.entry(s.name));
  const withGlobs = entries.filter((e) => e.globs?.length);
  const project = `${config.name}, a ${catalog.types.get(config.projectType).title.toLowerCase()} project`;

  if (agents.has('agents-md') || agents.has('claude')) {
    const intro = [`# Working on ${project}`, '', 'Run the commands below before and after a change. Read the knowledge entry that covers the files you are about to change.', ''];
    add('AGENTS.md', [...intro, ...commandsAndIndex(config, selection, catalog, `${KNOWLEDGE_OUT}/`), ''].join('\n'), 'block', 'agents agents-md');
  }
  if (agents.has('claude')) add('CLAUDE.md', 'The commands and the knowledge index of this project are in AGENTS.md:\n\n@AGENTS.md\n', 'block', 'agents claude');

  if (agents.has('cursor')) {
    const head = ['---', `description: ${yamlString(`Commands and knowledge index of ${config.name}`)}`, 'alwaysApply: true', '---', `# Working on ${project}`, ''];
    add('.cursor/rules/scaffold-project.mdc', [...head, ...commandsAndIndex(config, selection, catalog, `../../${KNOWLEDGE_OUT}/`), ''].join('\n'), 'managed', 'agents cursor');
    for (const e of withGlobs) {
      const front = ['---', `description: ${yamlString(whenOf(e))}`, `globs: ${yamlString(e.globs!.join(','))}`, 'alwaysApply: false', '---'];
      add(`.cursor/rules/${e.name}.mdc`, [...front, ...pointer(e, context, `../../${KNOWLEDGE_OUT}/`)].join('\n'), 'managed', `agents cursor ${e.name}`);
    }
  }

  if (agents.has('copilot')) {
    add('.github/copilot-instructions.md', [`# Working on ${project}`, '', ...commandsAndIndex(config, selection, catalog, `../${KNOWLEDGE_OUT}/`), ''].join('\n'), 'block', 'agents copilot');
    for (const e of withGlobs) {
      const front = ['---', `description: ${yamlString(whenOf(e))}`, `applyTo: ${yamlString(e.globs!.join(','))}`, '---'];
      add(`.github/instructions/${e.name}.instructions.md`, [...front, ...pointer(e, context, `../../${KNOWLEDGE_OUT}/`)].join('\n'), 'managed', `agents copilot ${e.name}`);
    }
  }

  if (agents.has('skills')) {
    for (const e of entries) {
      const description = `${e.description}. ${whenOf(e)}.`.replace(/\.\.$/, '.').slice(0, 1024);
      const skill = (linkBase: string) => ['---', `name: ${e.name}`, `description: ${yamlString(description)}`, '---', ...pointer(e, context, linkBase)].join('\n');
      add(`.agents/skills/${e.name}/SKILL.md`, skill(`../../../${KNOWLEDGE_OUT}/`), 'managed', `agents skills ${e.name}`);
      add(`.claude/skills/${e.name}/SKILL.md`, skill(`../../../${KNOWLEDGE_OUT}/`), 'managed', `agents skills ${e.name}`);
    }
  }

  if (agents.has('mcp')) {
    // `npx` runs the same Scaffold version as the drift check, from the npm registry.
    const args = ['--yes', `scaffold-overlays@${version}`, 'mcp'];
    const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
    const server = { command: 'npx', args };
    if (agents.has('claude')) add('.mcp.json', json({ mcpServers: { scaffold: server } }), 'merge-json', 'agents mcp claude');
    if (agents.has('cursor')) add('.cursor/mcp.json', json({ mcpServers: { scaffold: server } }), 'merge-json', 'agents mcp cursor');
    if (agents.has('copilot')) add('.vscode/mcp.json', json({ servers: { scaffold: { type: 'stdio', ...server } } }), 'merge-json', 'agents mcp copilot');
    if (agents.has('agents-md')) {
      const toml = ['[mcp_servers.scaffold]', 'command = "npx"', `args = [${args.map((a) => JSON.stringify(a)).join(', ')}]`, ''].join('\n');
      add('.codex/config.toml', toml, 'block', 'agents mcp codex');
    }
  }
  return files;
}

/** A rule, instruction or skill body: where the full entry is, and its checklist for this project. */
function pointer(entry: KnowledgeEntry, context: RenderContext, linkBase: string): string[] {
  return [
    `# ${titleOf(entry, context)}`,
    '',
    `${whenOf(entry)}: read [${KNOWLEDGE_OUT}/${entry.name}.md](${linkBase}${entry.name}.md) first. It is written for this project's answers; the checklist below is its summary of what must hold.`,
    '',
    checklist(entry, context, linkBase),
    '',
  ];
}
