/**
 * The README's tables of project types, flags and rules are made from the type list, so they
 * cannot drift from what the CLI accepts. After a change to content/types:
 *   UPDATE_README=1 npx vitest run tests/unit/readme.test.ts   and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectTypes } from '../../src/catalog/types.js';
import { readmeTypeTables } from '../helpers/readme-tables.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const START = '<!-- types:start: made from content/types by tests/unit/readme.test.ts -->';
const END = '<!-- types:end -->';

describe('README.md', () => {
  it('shows the project types, their flags and their rules as the type list defines them', () => {
    const text = readFileSync(README, 'utf8');
    const [before, rest] = text.split(START);
    expect(rest, `README.md needs the markers ${START} ... ${END}`).toBeDefined();
    const after = rest!.slice(rest!.indexOf(END));
    const wanted = `${before}${START}\n${readmeTypeTables(projectTypes())}\n${after}`;
    if (process.env.UPDATE_README === '1') writeFileSync(README, wanted);
    expect(text).toBe(wanted);
  });
});
