/** `scaffold show <entry>` renders every knowledge entry, for a project of the entry's type. */
import { describe, expect, it } from 'vitest';
import { show } from '../../src/commands/show.js';
import { projectTypes } from '../../src/catalog/types.js';
import { shippedEntries } from '../helpers/content.js';
import { tempDir, testContext } from '../helpers/project.js';

/** The answers each type needs without a terminal, from its first example, as commander would pass the flags. */
function requiredFlags(type: string): Record<string, unknown> {
  const types = projectTypes();
  const example = types.get(type).examples[0]!;
  const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(types.fields(type).filter((f) => f.info.required).map((f) => [camel(f.info.flag), example[f.key]]));
}

describe('scaffold show', () => {
  it.each(shippedEntries().map((e) => [e.name, e.projectType!]))('renders %s', async (name, type) => {
    const ctx = testContext(tempDir());
    expect(await show(name, requiredFlags(type), ctx)).toBe(0);
    expect(ctx.out).toMatch(/^# .+\n/);
    expect(ctx.out).toContain('## Deep Guidance');
    expect(ctx.out).toContain('## Checklist');
    // Escaped literals (`\{{ ref(...) }}` in a dbt example) render as `{{`, never with the backslash.
    expect(ctx.out).not.toContain('\\{{');
  });
});
