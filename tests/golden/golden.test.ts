/**
 * The FilePlan (every path, policy and content) of each project type x methodology, compared
 * with the tree committed under tests/golden/<type>-<methodology>/. After a deliberate change:
 *   UPDATE_GOLDEN=1 npx vitest run tests/golden   and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filePlanFor, resolveSelection } from '../../src/commands/project.js';
import { validateConfig } from '../../src/config/load.js';

const GOLDEN = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const PROJECTS: Record<string, object> = {
  ml: { ml: { projectPhase: 'both', modelType: 'classical', servingPattern: 'realtime' } },
  'data-pipeline': { dataPipeline: { processingModel: 'hybrid', orchestration: 'dag-based', schemaManagement: 'contracts' } },
  library: { library: { visibility: 'public', bundleFormat: 'dual' } },
  'browser-extension': { browserExtension: { uiSurfaces: ['popup', 'options'], hasContentScript: true } },
  'mobile-app': { mobileApp: { platform: 'cross-platform', offlineSupport: 'offline-first', hasPushNotifications: true } },
};
// custom uses depth 2 so that its tree differs from both deep (full) and mvp (core only).
const METHODOLOGIES: [string, object][] = [['deep', {}], ['mvp', {}], ['custom', { depth: 2 }]];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

describe.each(Object.keys(PROJECTS))('golden FilePlan of a %s project', (type) => {
  it.each(METHODOLOGIES)('with methodology %s', (methodology, extra) => {
    const config = validateConfig({ name: 'golden-project', projectType: type, methodology, ...extra, ...PROJECTS[type] });
    const plan = filePlanFor(config, resolveSelection(config));
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
