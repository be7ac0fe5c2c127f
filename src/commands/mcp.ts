/**
 * `scaffold mcp`: a read-only MCP server over stdio for the project in the current folder (or
 * --dir), on the official TypeScript SDK, which only this command loads (src/vendor/). It gives
 * an agent this project's knowledge as rendered for its answers, and what `update` would change:
 *
 *   list_entries   the selected entries: name, title, when to read it, the files it covers
 *   read_entry     one entry rendered for this project (optionally at another depth)
 *   search         words to entries, sections and a snippet
 *   plan           what `scaffold update` would change, as in `update --dry-run --json`
 *
 * Each selected entry is also a resource, scaffold://knowledge/<name>. Nothing is ever written.
 */
import { DEPTH_LEVELS, DEPTH_NAMES, type Depth } from '../catalog/depth.js';
import { readConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { scaffoldVersion } from '../package-root.js';
import { pipeline, type Pipeline } from '../pipeline.js';
import { renderEntryRead, splitSections } from '../render/knowledge.js';
import { didYouMean } from '../source/suggest.js';
import { mcpSdk } from '../vendor/load.js';
import { projectFolder, type CommandContext } from './context.js';
import { printWarnings } from './envelope.js';

export interface McpOptions {
  dir?: string;
}

/** The project's knowledge as the tools serve it; rendered on first use per entry and depth. */
function knowledge(run: Pipeline) {
  const names = run.selection.knowledge.map((s) => s.name);
  const rendered = new Map<string, string>();
  const render = (name: string, depth: Depth = run.selection.depth) => {
    const key = `${name} ${depth}`;
    if (!rendered.has(key)) rendered.set(key, renderEntryRead(run.catalog.entry(name), run.context(depth), depth));
    return rendered.get(key)!;
  };
  const known = (name: string) => {
    if (names.includes(name)) return name;
    const elsewhere = run.catalog.knowledgeNames.has(name) ? ' (it exists, but this project does not select it: add it with an overlay)' : '';
    throw new Error(`no knowledge entry "${name}" in this project${didYouMean(name, names)}${elsewhere}; list_entries gives the ones there are`);
  };
  return { names, render, known };
}

const text = (value: unknown) => ({ content: [{ type: 'text' as const, text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) }] });

export async function mcp(options: McpOptions, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, options.dir);
  const found = readConfig(projectDir);
  if (!found) throw new UserError(`no .scaffold/config.yml in ${projectDir}: scaffold mcp serves a Scaffold project; run it there, pass --dir, or run \`npx scaffold-overlays init\` first`, [], { code: 'no-project' });
  const run = pipeline({ projectDir, config: found.config, configSource: found.source, warnings: found.warnings });
  // stdout is the protocol's; an old depth number is said on stderr, where clients log it.
  printWarnings(ctx, run.warnings);
  const entries = knowledge(run);
  const { McpServer, StdioServerTransport, z } = await mcpSdk();
  const server = new McpServer({ name: 'scaffold', version: scaffoldVersion() });

  server.registerTool(
    'list_entries',
    { title: 'List knowledge entries', description: `The knowledge entries this ${found.config.projectType} project selected: name, title, when to read each, and the files it covers.` },
    async () =>
      text(
        entries.names.map((name) => {
          const entry = run.catalog.entry(name);
          return { name, title: /^# (.+)$/m.exec(entries.render(name))?.[1] ?? name, when: entry.when ?? entry.description, globs: entry.globs ?? [], path: `docs/knowledge/${name}.md` };
        }),
      ),
  );

  server.registerTool(
    'read_entry',
    {
      title: 'Read a knowledge entry',
      description: `One knowledge entry, rendered for this project's answers, at the project's depth unless depth says otherwise: ${DEPTH_NAMES.map((d) => `${d}, ${DEPTH_LEVELS[d]}`).join('; ')}.`,
      inputSchema: { name: z.string().describe('the entry name, as list_entries gives it'), depth: z.enum(DEPTH_NAMES).optional() },
    },
    async ({ name, depth }) => text(entries.render(entries.known(name), depth)),
  );

  server.registerTool(
    'search',
    {
      title: 'Search the knowledge',
      description: "Find the entries and sections that mention the given words (all of them, any case), with a snippet of each. Searches the entries as rendered for this project.",
      inputSchema: { query: z.string().min(1).describe('words to look for'), limit: z.number().int().min(1).max(50).optional() },
    },
    async ({ query, limit }) => text(search(entries, query, limit ?? 10)),
  );

  server.registerTool(
    'plan',
    { title: 'What update would change', description: 'What `scaffold update` would do to each generated file now, without writing anything: the same report as `scaffold update --dry-run --json`.' },
    async () => {
      const outcome = await run.sync({ write: false, force: false, restore: [] });
      return text({ changes: outcome.changes.filter((c) => c.action !== 'unchanged').map((c) => ({ path: c.path, action: c.action, source: c.source, ...(c.reason && { reason: c.reason }) })), warnings: [...run.warnings, ...outcome.warnings] });
    },
  );

  for (const name of entries.names) {
    server.registerResource(name, `scaffold://knowledge/${name}`, { title: name, description: run.catalog.entry(name).description, mimeType: 'text/markdown' }, async (uri) => ({
      contents: [{ uri: uri.href, mimeType: 'text/markdown', text: entries.render(name) }],
    }));
  }

  const transport = new StdioServerTransport();
  // The client is gone when our stdin ends; the transport does not report that by itself.
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once('end', resolve);
  });
  await server.connect(transport);
  await closed;
  await server.close();
  return 0;
}

interface Hit {
  entry: string;
  section: string;
  snippet: string;
  score: number;
}

/** Sections holding every word, best first (most mentions), each with its first matching line. */
function search(entries: ReturnType<typeof knowledge>, query: string, limit: number): Hit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits: Hit[] = [];
  for (const name of entries.names) {
    for (const { heading, text } of splitSections(entries.render(name, 'full'))) {
      const lower = text.toLowerCase();
      if (!words.every((w) => lower.includes(w))) continue;
      const score = words.reduce((n, w) => n + lower.split(w).length - 1, 0);
      hits.push({ entry: name, section: heading ?? 'introduction', snippet: snippet(text, words), score });
    }
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** About 200 characters of the first line that mentions a word, around that word. */
function snippet(text: string, words: string[]): string {
  const line = text.split('\n').find((l) => words.some((w) => l.toLowerCase().includes(w)))?.trim() ?? '';
  const at = Math.min(...words.map((w) => line.toLowerCase().indexOf(w)).filter((i) => i >= 0));
  const start = Math.max(0, at - 80);
  return `${start > 0 ? '...' : ''}${line.slice(start, start + 200)}${start + 200 < line.length ? '...' : ''}`;
}
