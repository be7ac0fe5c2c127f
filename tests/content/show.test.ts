/** `scaffold show <entry>` renders every knowledge entry, for a project of the entry's type. */
import { describe, expect, it } from 'vitest';
import { show } from '../../src/commands/show.js';
import { listKnowledge, readEntry } from '../../src/knowledge/load.js';
import { tempDir, testContext } from '../helpers/project.js';

// The one answer each type needs without a terminal, as commander would pass the flag.
const REQUIRED: Record<string, Record<string, string>> = {
  ml: { mlPhase: 'both' },
  'data-pipeline': { pipelineProcessing: 'hybrid' },
  library: { libVisibility: 'public' },
  'browser-extension': {},
  'mobile-app': { mobilePlatform: 'cross-platform' },
};

describe('scaffold show', () => {
  const entries = [...listKnowledge().values()].map((file) => readEntry(file));
  it.each(entries.map((e) => [e.name, e.projectType]))('renders %s', async (name, type) => {
    const ctx = testContext(tempDir());
    expect(await show(name, { ...REQUIRED[type] }, ctx)).toBe(0);
    expect(ctx.out).toMatch(/^# .+\n/);
    expect(ctx.out).toContain('## Deep Guidance');
    expect(ctx.out).toContain('## Checklist');
    // Escaped literals (`\{{ ref(...) }}` in a dbt example) render as `{{`, never with the backslash.
    expect(ctx.out).not.toContain('\\{{');
  });
});
