/**
 * Conflict resolution for pulled records: last write wins by server timestamp.
 * Pattern: the same records merged in different orders and repeated must give one result;
 * that is what makes retried and overlapping pulls safe. Replace the record shape with yours;
 * if you switch to per-field merges, keep these order and repetition tests.
 */
import { describe, expect, it } from 'vitest';
import { lastWriteWins, mergePulled, type SyncedRecord } from '../../src/sync/last-write-wins';

interface Note extends SyncedRecord {
  title: string;
}

const note = (serverUpdatedAt: number, title: string, deleted?: boolean): Note => ({ id: 'n1', serverUpdatedAt, title, ...(deleted && { deleted }) });

describe('last write wins', () => {
  it('keeps the version the server accepted last, whichever arrives first', () => {
    const older = note(100, 'draft');
    const newer = note(200, 'final');

    expect(lastWriteWins(older, newer)).toBe(newer);
    expect(lastWriteWins(newer, older)).toBe(newer);
    expect(lastWriteWins(undefined, older)).toBe(older);
  });

  it('lets a deletion win a tie, so that the result does not depend on arrival order', () => {
    const edited = note(300, 'edited');
    const deleted = note(300, 'edited', true);

    expect(lastWriteWins(edited, deleted)).toBe(deleted);
    expect(lastWriteWins(deleted, edited)).toBe(deleted);
  });

  it('gives the same local copy for pulls in any order, applied any number of times', () => {
    const local = new Map([['n1', note(100, 'local')]]);
    const pageA = [note(150, 'from phone')];
    const pageB = [note(250, 'from laptop'), { ...note(50, 'other'), id: 'n2' }];

    const ab = mergePulled(mergePulled(local, pageA), pageB);
    const ba = mergePulled(mergePulled(local, pageB), pageA);
    const again = mergePulled(ab, [...pageA, ...pageB]);

    expect(ab).toEqual(ba);
    expect(again).toEqual(ab);
    expect(ab.get('n1')?.title).toBe('from laptop');
    expect(local.get('n1')?.title).toBe('local');
  });
});
