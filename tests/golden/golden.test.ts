/**
 * The FilePlan (every path, policy and content) of each project type x methodology, compared
 * with the tree committed under tests/golden/<type>-<methodology>/. After a deliberate change:
 *   UPDATE_GOLDEN=1 npx vitest run tests/golden   and review the diff.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/catalog/files.js';
import { projectTypes } from '../../src/catalog/types.js';
import { validateConfig } from '../../src/config/load.js';
import { AGENT_IDS } from '../../src/config/schema.js';
import { exampleConfig } from '../helpers/combinations.js';
import { pipelineFor } from '../helpers/plan.js';

const GOLDEN = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

// Each type's golden project is its first example answers (content/types/<type>.yml).
// custom uses depth summary so that its tree differs from both deep (full) and mvp (core only). The
// files for coding agents: every agent with deep, the default (AGENTS.md, CLAUDE.md) with mvp, none with custom.
const METHODOLOGIES: [string, object][] = [['deep', { agents: [...AGENT_IDS] }], ['mvp', {}], ['custom', { depth: 'summary', agents: [] }]];

describe.each(projectTypes().ids)('golden FilePlan of a %s project', (type) => {
  it.each(METHODOLOGIES)('with methodology %s', (methodology, extra) => {
    const config = validateConfig(exampleConfig(type, 0, { methodology, ...extra }));
    const plan = pipelineFor(config).files();
    const dir = join(GOLDEN, `${type}-${methodology}`);
    const index = plan.map((f) => `${f.path}  ${f.policy}  ${f.source}`).join('\n') + '\n';
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      for (const f of [...plan, { path: '_plan.txt', content: index }]) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
    }
    expect(readFileSync(join(dir, '_plan.txt'), 'utf8')).toBe(index);
    expect(filesUnder(dir)).toEqual([...plan.map((f) => f.path), '_plan.txt'].sort());
    for (const f of plan) expect(f.content, f.path).toBe(readFileSync(join(dir, f.path), 'utf8'));
  });
});
