/**
 * The block policy (src/sync/block.ts): in a file people also write, Scaffold owns one marked
 * block. Every byte outside it survives edits, answer changes and upgrades; inside it the usual
 * rules hold; a block the person removed stays removed until --restore.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../src/render/file-plan.js';
import { markersOf } from '../../src/sync/block.js';
import { syncProject, type SyncRequest } from '../../src/sync/sync.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const agents = (content: string): PlannedFile => ({ path: 'AGENTS.md', content, policy: 'block', source: 'test' });
const { begin, end } = markersOf('AGENTS.md');
const V1 = '# Commands\n\n- Run the tests: `npm test`\n- Type-check: `npm run typecheck`\n';
const V2 = '# Commands\n\n- Run the tests: `npm test`\n- Type-check: `npm run typecheck`\n- Lint: `npm run lint`\n';

async function run(dir: string, files: PlannedFile[], extra: Partial<SyncRequest> = {}) {
  const outcome = await syncProject({ projectDir: dir, files, version: '1.0.0', force: false, restore: [], write: true, ...extra });
  return { ...outcome, action: outcome.changes.find((c) => c.path === 'AGENTS.md')?.action };
}

describe('a block in a file people also write', () => {
  it('is the whole file when there was none, between its markers', async () => {
    const dir = tempDir();
    expect((await run(dir, [agents(V1)])).action).toBe('create');
    expect(readFile(dir, 'AGENTS.md')).toBe(`${begin}\n${V1}${end}\n`);
  });

  it('is added at the end of an existing file, leaving every byte before it alone', async () => {
    const dir = tempDir();
    const mine = '# Our team\r\n\r\nWe review every change in pairs.\r\n';
    writeFile(dir, 'AGENTS.md', mine);
    expect((await run(dir, [agents(V1)])).action).toBe('update');
    const text = readFile(dir, 'AGENTS.md');
    expect(text.startsWith(mine)).toBe(true);
    expect(text).toContain(`${begin}\r\n`);
    expect((await run(dir, [agents(V1)])).wrote).toBe(false);
  });

  it("keeps the person's text before and after the block through edits, answer changes and upgrades", async () => {
    const dir = tempDir();
    (await run(dir, [agents(V1)]));
    const text = `# Before, ours\n\n${readFile(dir, 'AGENTS.md')}\n## After, ours too\n`;
    writeFile(dir, 'AGENTS.md', text);
    expect((await run(dir, [agents(V1)])).action).toBe('unchanged');
    expect((await run(dir, [agents(V2)])).action).toBe('update');
    expect(readFile(dir, 'AGENTS.md')).toBe(text.replace(V1, V2));
  });

  it('merges the person\'s edits inside the block with a new version, and marks a real conflict', async () => {
    const dir = tempDir();
    (await run(dir, [agents(V1)]));
    writeFile(dir, 'AGENTS.md', readFile(dir, 'AGENTS.md').replace('# Commands\n', '# Commands\n\nRun them from the repository root.\n'));
    expect((await run(dir, [agents(V2)])).action).toBe('merge');
    expect(readFile(dir, 'AGENTS.md')).toContain('Run them from the repository root.\n');
    expect(readFile(dir, 'AGENTS.md')).toContain('- Lint: `npm run lint`');

    writeFile(dir, 'AGENTS.md', readFile(dir, 'AGENTS.md').replace('`npm test`', '`npm test -- --run`'));
    expect((await run(dir, [agents(V2.replace('`npm test`', '`npm run test:all`'))])).action).toBe('conflict');
    // Both versions of the line, between markers; the person's paragraph next to it is kept too.
    expect(readFile(dir, 'AGENTS.md')).toMatch(/<<<<<<< yours\n(.*\n)*- Run the tests: `npm test -- --run`\n=======\n- Run the tests: `npm run test:all`\n>>>>>>> scaffold 1\.0\.0/);
    expect(readFile(dir, 'AGENTS.md')).toContain('Run them from the repository root.');
  });

  it('counts a removed block like a deleted file: it stays removed until --restore', async () => {
    const dir = tempDir();
    writeFile(dir, 'AGENTS.md', '# Ours\n');
    (await run(dir, [agents(V1)]));
    writeFile(dir, 'AGENTS.md', '# Ours\n\nNo generated block here, thank you.\n');
    const removed = (await run(dir, [agents(V2)]));
    expect(removed.action).toBe('keep');
    expect(removed.changes[0]!.reason).toContain('scaffold update --restore AGENTS.md');
    expect((await run(dir, [agents(V2)])).action).toBe('unchanged');
    expect(readFile(dir, 'AGENTS.md')).toBe('# Ours\n\nNo generated block here, thank you.\n');
    expect((await run(dir, [agents(V2)], { restore: ['AGENTS.md'] })).action).toBe('update');
    expect(readFile(dir, 'AGENTS.md')).toBe(`# Ours\n\nNo generated block here, thank you.\n\n${begin}\n${V2}${end}\n`);
  });

  it('reports a stale block to --check, and takes its block out (not the file) when it is no longer generated', async () => {
    const dir = tempDir();
    writeFile(dir, 'AGENTS.md', '# Ours\n');
    (await run(dir, [agents(V1)]));
    expect((await run(dir, [agents(V2)], { write: false })).action).toBe('update');
    const gone = (await run(dir, []));
    expect(gone.changes[0]).toMatchObject({ path: 'AGENTS.md', action: 'update' });
    expect(readFile(dir, 'AGENTS.md')).toBe('# Ours\n');
    // A file that was only the block goes with it.
    const alone = tempDir();
    (await run(alone, [agents(V1)]));
    expect((await run(alone, [])).changes[0]).toMatchObject({ path: 'AGENTS.md', action: 'delete' });
    expect(exists(alone, 'AGENTS.md')).toBe(false);
  });

  it('writes a TOML file\'s block with # comments', async () => {
    const dir = tempDir();
    writeFile(dir, '.codex/config.toml', 'model = "o4"\n');
    (await run(dir, [{ path: '.codex/config.toml', content: '[mcp_servers.scaffold]\ncommand = "npx"\n', policy: 'block', source: 'test' }]));
    expect(readFile(dir, '.codex/config.toml')).toBe(`model = "o4"\n\n${markersOf('x.toml').begin}\n[mcp_servers.scaffold]\ncommand = "npx"\n# scaffold:end\n`);
  });

  it('holds only the lines a .gitignore lacks, never touching the person\'s', async () => {
    const dir = tempDir();
    const gitignore = (content: string): PlannedFile => ({ path: '.gitignore', content, policy: 'lines', source: 'test' });
    const wanted = '# Dependencies\nnode_modules/\n\n# Build output\ndist/\ncoverage/\n';
    writeFile(dir, '.gitignore', 'node_modules/\n*.log\n');
    expect((await run(dir, [gitignore(wanted)])).changes[0]!.action).toBe('update');
    expect(readFile(dir, '.gitignore')).toBe(`node_modules/\n*.log\n\n${markersOf('.gitignore').begin}\n# Build output\ndist/\ncoverage/\n# scaffold:end\n`);
    expect((await run(dir, [gitignore(wanted)])).wrote).toBe(false);
    expect((await run(dir, [gitignore(wanted)], { write: false })).changes[0]!.action).toBe('unchanged');
    // The person adds one of Scaffold's lines themselves: the block no longer needs it.
    writeFile(dir, '.gitignore', `coverage/\n${readFile(dir, '.gitignore')}`);
    await run(dir, [gitignore(wanted)]);
    expect(readFile(dir, '.gitignore')).toBe(`coverage/\nnode_modules/\n*.log\n\n${markersOf('.gitignore').begin}\n# Build output\ndist/\n# scaffold:end\n`);
  });
});
