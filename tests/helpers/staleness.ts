/**
 * Which knowledge entries are due for review: reviewed more than 12 months before `today`, or
 * dated after it (a typo that would keep an entry fresh for years). Months count by calendar
 * month: an entry reviewed 2026-12 is fresh through 2027-12 and stale from 2028-01.
 */
import type { EntryMeta } from '../../src/catalog/entries.js';

export const MAX_AGE_MONTHS = 12;

/** The date the content tests judge by: today, or SCAFFOLD_TODAY (YYYY-MM-DD) to rehearse a later build. */
export function contentToday(env: NodeJS.ProcessEnv = process.env): Date {
  const forced = env.SCAFFOLD_TODAY;
  if (forced === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(forced)) throw new Error(`SCAFFOLD_TODAY must be a date like 2027-06-30, found "${forced}"`);
  return new Date(`${forced}T00:00:00Z`);
}

function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** One line per entry due for review, naming it and what to do. */
export function staleEntries(entries: Pick<EntryMeta, 'name' | 'reviewed'>[], today: Date): string[] {
  const now = monthIndex(today.getUTCFullYear(), today.getUTCMonth() + 1);
  const month = today.toISOString().slice(0, 7);
  const problems: string[] = [];
  for (const entry of entries) {
    if (!entry.reviewed) {
      problems.push(`${entry.name}: no reviewed month: check its dated claims against official documentation, list them under sources:, and set reviewed: ${month}`);
      continue;
    }
    const [year, mon] = entry.reviewed.split('-').map(Number) as [number, number];
    const age = now - monthIndex(year, mon);
    if (age > MAX_AGE_MONTHS) {
      problems.push(
        `${entry.name}: reviewed ${entry.reviewed}, ${age} months before ${month} (at most ${MAX_AGE_MONTHS}): ` +
          `re-check its dated and versioned claims against its sources and current official documentation, fix what changed, then set reviewed: ${month}`,
      );
    } else if (age < 0) {
      problems.push(`${entry.name}: reviewed ${entry.reviewed} is after ${month}: set it to the month the entry was actually checked`);
    }
  }
  return problems;
}
