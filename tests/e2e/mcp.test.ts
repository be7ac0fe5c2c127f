/**
 * `scaffold mcp` end to end, driven by the MCP SDK's own client over stdio as an agent would:
 * tools listed, an entry read and searched, the plan, an unknown entry, and outside a project.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cli } from '../helpers/cli.js';
import { tempDir, writeFile, readFile } from '../helpers/project.js';

const open: Client[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function connect(cwd: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'scaffold-test', version: '1.0.0' });
  open.push(client);
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

type TextResult = { content: { type: string; text: string }[]; isError?: boolean };
const textOf = (result: unknown) => (result as TextResult).content[0]!.text;

function project(): string {
  const dir = tempDir();
  expect(cli(['init', '--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical', '--agents', 'all', '--quiet'], dir).code).toBe(0);
  return dir;
}

describe('scaffold mcp', () => {
  it('lists its tools and the selected entries, with when to read each', async () => {
    const { client } = await connect(project());
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['list_entries', 'plan', 'read_entry', 'search']);
    const entries = JSON.parse(textOf(await client.callTool({ name: 'list_entries', arguments: {} }))) as { name: string; when: string; globs: string[]; path: string }[];
    const testing = entries.find((e) => e.name === 'ml-testing')!;
    expect(testing).toMatchObject({ path: 'docs/knowledge/ml-testing.md', title: 'Testing ML Systems' });
    expect(testing.when).toMatch(/^Before writing or changing tests/);
    expect(testing.globs).toContain('tests/**/*.py');
  });

  it("reads an entry as rendered for the project's answers, at its depth or another", async () => {
    const { client } = await connect(project());
    const full = textOf(await client.callTool({ name: 'read_entry', arguments: { name: 'ml-serving-patterns' } }));
    expect(full).toMatch(/^# /);
    expect(full).toContain('## Deep Guidance');
    // How old its facts are, as the file in the project says it.
    expect(full).toMatch(/^> Reviewed \d{4}-\d{2} against \d+ sources?, listed at the end\.$/m);
    expect(full).toContain('## Sources');
    const short = textOf(await client.callTool({ name: 'read_entry', arguments: { name: 'ml-serving-patterns', depth: 'summary' } }));
    expect(short).not.toContain('## Deep Guidance');
    expect(short).toContain('## Checklist');
    const resources = (await client.listResources()).resources.map((r) => r.uri);
    expect(resources).toContain('scaffold://knowledge/ml-testing');
    const resource = await client.readResource({ uri: 'scaffold://knowledge/ml-testing' });
    expect((resource.contents[0] as { text: string }).text).toContain('# Testing ML Systems');
  });

  it('searches the entries, returning the entry, the section and a snippet', async () => {
    const { client } = await connect(project());
    const hits = JSON.parse(textOf(await client.callTool({ name: 'search', arguments: { query: 'tolerance baseline' } }))) as { entry: string; section: string; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.entry)).toContain('ml-testing');
    for (const hit of hits) expect(`${hit.section} ${hit.snippet}`.toLowerCase()).toMatch(/tolerance|baseline/);
  });

  it('tells what update would change, writing nothing', async () => {
    const dir = project();
    const { client } = await connect(dir);
    expect(JSON.parse(textOf(await client.callTool({ name: 'plan', arguments: {} })))).toEqual({ changes: [], warnings: [] });
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('servingPattern: realtime', 'servingPattern: batch'));
    const { client: again } = await connect(dir);
    const plan = JSON.parse(textOf(await again.callTool({ name: 'plan', arguments: {} }))) as { changes: { path: string; action: string }[] };
    expect(plan.changes).toContainEqual(expect.objectContaining({ path: 'AGENTS.md', action: 'update' }));
    expect(readFile(dir, 'AGENTS.md')).toContain('servingPattern realtime');
  });

  it('answers an unknown entry with an error naming the close match', async () => {
    const { client } = await connect(project());
    const result = (await client.callTool({ name: 'read_entry', arguments: { name: 'ml-testng' } })) as TextResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('no knowledge entry "ml-testng" in this project (did you mean ml-testing?)');
    const notSelected = (await client.callTool({ name: 'read_entry', arguments: { name: 'library-testing' } })) as TextResult;
    expect(textOf(notSelected)).toContain('this project does not select it');
  });

  it('refuses to start outside a project, saying why', async () => {
    const dir = tempDir();
    let stderr = '';
    await expect(
      (async () => {
        const session = await connect(dir);
        stderr = session.stderr();
      })(),
    ).rejects.toThrow();
    const run = cli(['mcp'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr + stderr).toContain('no .scaffold/config.yml in');
  });
});
