/**
 * Provenance a reader can see: every shipped entry shows its review month and sources in the
 * file a project gets and in `scaffold list knowledge`, and CI fails once a review is more than
 * twelve months old, so dated facts are re-checked instead of quietly going stale.
 * Rehearse a later build with: SCAFFOLD_TODAY=2028-01-15 npx vitest run tests/content/provenance
 */
import { describe, expect, it } from 'vitest';
import { list } from '../../src/commands/list.js';
import { renderEntryFile } from '../../src/render/knowledge.js';
import { answerCombinations } from '../helpers/combinations.js';
import { shippedEntries } from '../helpers/content.js';
import { contextFor } from '../helpers/plan.js';
import { tempDir, testContext } from '../helpers/project.js';
import { contentToday, staleEntries } from '../helpers/staleness.js';

const entries = shippedEntries();

describe('the review month', () => {
  it.each(entries.map((e) => [e.name, e]))('of %s shows under its title, with its sources at the end', (_, entry) => {
    const config = answerCombinations(entry.projectType!)[0]!;
    for (const depth of ['summary', 'full'] as const) {
      const file = renderEntryFile(entry, contextFor(config, depth), depth);
      const lines = file.split('\n');
      expect(lines[2]).toMatch(/^# \S/);
      expect(lines[4]).toBe(`> Reviewed ${entry.reviewed} against ${entry.sources!.length} source${entry.sources!.length === 1 ? '' : 's'}, listed at the end.`);
      const sources = file.slice(file.lastIndexOf('\n## Sources\n'));
      expect(sources).toContain(`Checked in ${entry.reviewed}:`);
      for (const s of entry.sources!) expect(sources).toContain(`- <${s.url}>: ${s.checks}`);
    }
  });

  it('is listed for every entry by scaffold list knowledge, in rows and in JSON', async () => {
    const text = testContext(tempDir());
    expect(await list('knowledge', {}, text)).toBe(0);
    const json = testContext(tempDir());
    expect(await list('knowledge', { json: true }, json)).toBe(0);
    const rows = JSON.parse(json.out).knowledge as { name: string; reviewed?: string }[];
    for (const entry of entries) {
      expect(text.out).toMatch(new RegExp(`^  ${entry.name} .*\\[.*reviewed ${entry.reviewed}\\]$`, 'm'));
      expect(rows.find((r) => r.name === entry.name)?.reviewed).toBe(entry.reviewed);
    }
  });
});

describe('staleness', () => {
  it(`fails for any entry reviewed more than 12 months before ${contentToday().toISOString().slice(0, 10)}`, () => {
    expect(staleEntries(entries, contentToday())).toEqual([]);
  });

  // The check itself: an entry reviewed 2026-12 is fresh through 2027-12 and due from 2028-01.
  it('counts calendar months, names the entry and says what to do', () => {
    const entry = [{ name: 'ml-testing', reviewed: '2026-12' }];
    expect(staleEntries(entry, new Date('2026-12-01T00:00:00Z'))).toEqual([]);
    expect(staleEntries(entry, new Date('2027-12-31T23:59:59Z'))).toEqual([]);
    expect(staleEntries(entry, new Date('2028-01-01T00:00:00Z'))).toEqual([
      'ml-testing: reviewed 2026-12, 13 months before 2028-01 (at most 12): re-check its dated and versioned claims ' +
        'against its sources and current official documentation, fix what changed, then set reviewed: 2028-01',
    ]);
  });

  it('flags a review month after today and a missing one', () => {
    const today = new Date('2026-12-07T00:00:00Z');
    expect(staleEntries([{ name: 'a', reviewed: '2027-01' }], today)).toEqual(['a: reviewed 2027-01 is after 2026-12: set it to the month the entry was actually checked']);
    expect(staleEntries([{ name: 'b', reviewed: undefined }], today)[0]).toMatch(/^b: no reviewed month: .* set reviewed: 2026-12$/);
  });

  it('takes the build date from SCAFFOLD_TODAY when set, and rejects a malformed one', () => {
    expect(contentToday({ SCAFFOLD_TODAY: '2028-01-15' }).toISOString()).toBe('2028-01-15T00:00:00.000Z');
    expect(() => contentToday({ SCAFFOLD_TODAY: 'soon' })).toThrow(/SCAFFOLD_TODAY must be a date like/);
  });
});
