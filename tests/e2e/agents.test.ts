/**
 * Files for coding agents in a real project (issue 13): a person's AGENTS.md and MCP servers
 * are kept, the files follow the answers, an entry that leaves takes its rule, instruction and
 * skill with it, and `update --check` fails when any of them is stale.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { exists, readFile, tempDir, writeFile } from '../helpers/project.js';

const ML = ['--yes', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'classical', '--agents', 'all'];

describe('files for coding agents', () => {
  it("keep a person's own AGENTS.md and MCP servers, adding only Scaffold's block and server", () => {
    const dir = tempDir();
    writeFile(dir, 'AGENTS.md', '# House rules\n\nNever push to main.\n');
    writeFile(dir, '.mcp.json', `${JSON.stringify({ mcpServers: { github: { command: 'gh-mcp', args: ['--readonly'] } } }, null, 2)}\n`);
    expect(cli(['init', ...ML, '--quiet'], dir).code).toBe(0);
    const agents = readFile(dir, 'AGENTS.md');
    expect(agents.startsWith('# House rules\n\nNever push to main.\n\n<!-- scaffold:begin')).toBe(true);
    expect(agents).toContain('## Commands');
    const mcp = JSON.parse(readFile(dir, '.mcp.json')) as { mcpServers: Record<string, unknown> };
    expect(mcp.mcpServers.github).toEqual({ command: 'gh-mcp', args: ['--readonly'] });
    expect(mcp.mcpServers.scaffold).toMatchObject({ command: 'npx' });
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });

  it('follow an answer change, take the files of an entry that leaves with it, and fail --check until updated', () => {
    const dir = tempDir();
    expect(cli(['init', ...ML, '--quiet'], dir).code).toBe(0);
    writeFile(dir, '.claude/skills/ml-serving-patterns/SKILL.md', `${readFile(dir, '.claude/skills/ml-serving-patterns/SKILL.md')}\nOur canary runs for an hour.\n`);
    // Training only: serving goes, and with it the entry ml-serving-patterns.
    writeFile(dir, '.scaffold/config.yml', readFile(dir, '.scaffold/config.yml').replace('projectPhase: both', 'projectPhase: training').replace('servingPattern: realtime', 'servingPattern: none'));
    const check = cli(['update', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/delete\s+\.cursor\/rules\/ml-serving-patterns\.mdc/);
    expect(check.stdout).toMatch(/update\s+\.cursor\/rules\/ml-testing\.mdc/);
    expect(check.stdout).toMatch(/update\s+AGENTS\.md/);
    const run = cli(['update'], dir);
    expect(run.code).toBe(0);
    for (const gone of ['.cursor/rules/ml-serving-patterns.mdc', '.github/instructions/ml-serving-patterns.instructions.md', '.agents/skills/ml-serving-patterns/SKILL.md']) {
      expect(exists(dir, gone), gone).toBe(false);
    }
    // Edited by the person, so kept and said.
    expect(readFile(dir, '.claude/skills/ml-serving-patterns/SKILL.md')).toContain('Our canary runs for an hour.');
    expect(run.stdout).toMatch(/keep\s+\.claude\/skills\/ml-serving-patterns\/SKILL\.md\s+\(no longer generated, but you edited it/);
    expect(readFile(dir, 'AGENTS.md')).not.toContain('ml-serving-patterns');
    expect(readFile(dir, 'AGENTS.md')).toContain('projectPhase training');
    expect(cli(['update', '--check'], dir).code).toBe(0);
  });

  it('can be turned off: --agents none writes none of them', () => {
    const dir = tempDir();
    expect(cli(['init', '--yes', '--type', 'library', '--lib-visibility', 'internal', '--agents', 'none', '--quiet'], dir).code).toBe(0);
    expect(exists(dir, 'AGENTS.md')).toBe(false);
    expect(exists(dir, 'CLAUDE.md')).toBe(false);
    expect(readFile(dir, '.scaffold/config.yml')).toContain('agents: []');
  });
});
