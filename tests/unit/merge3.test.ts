/**
 * The merges at any size and shape (issue 15): correct on files of 200k lines and of 100k
 * identical lines, never a stack overflow; and the diff3 rules on small cases.
 */
import { describe, expect, it } from 'vitest';
import { matchLines } from '../../src/sync/diff.js';
import { markDifferences, merge3 } from '../../src/sync/merge3.js';

const text = (lines: string[]) => `${lines.join('\n')}\n`;
const numbered = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe('three-way merge', () => {
  it('takes each side\'s change, a change made alike once, and marks a real conflict', () => {
    const base = text(['a', 'b', 'c', 'd', 'e']);
    expect(merge3(base, text(['a', 'B', 'c', 'd', 'e']), text(['a', 'b', 'c', 'D', 'e']), '1.0.0')).toEqual({ text: text(['a', 'B', 'c', 'D', 'e']), conflicts: 0 });
    expect(merge3(base, text(['a', 'X', 'c', 'd', 'e']), text(['a', 'X', 'c', 'd', 'e']), '1.0.0')).toEqual({ text: text(['a', 'X', 'c', 'd', 'e']), conflicts: 0 });
    expect(merge3(base, text(['a', 'mine', 'c', 'd', 'e']), text(['a', 'theirs', 'c', 'd', 'e']), '1.0.0')).toEqual({
      text: text(['a', '<<<<<<< yours', 'mine', '=======', 'theirs', '>>>>>>> scaffold 1.0.0', 'c', 'd', 'e']),
      conflicts: 1,
    });
    // Both insert at the same place, differently: a conflict; one deletes what the other left: the delete.
    expect(merge3(text(['a', 'b']), text(['a', 'x', 'b']), text(['a', 'y', 'b']), '1').conflicts).toBe(1);
    expect(merge3(text(['a', 'b', 'c']), text(['a', 'c']), text(['a', 'b', 'c', 'd']), '1').text).toBe(text(['a', 'c', 'd']));
  });

  it('merges a 200,000-line file with a block inserted by the person and a change at the end by Scaffold', () => {
    const base = numbered(100_000);
    const inserted = numbered(100_000, 'ours');
    const yours = [...base.slice(0, 50_000), ...inserted, ...base.slice(50_000)];
    const scaffold = [...base.slice(0, 99_999), 'a new last line'];
    const merged = merge3(text(base), text(yours), text(scaffold), '1.0.0');
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(text([...base.slice(0, 50_000), ...inserted, ...base.slice(50_000, 99_999), 'a new last line']));
  });

  it('merges 100,000 identical lines with edits on both sides', () => {
    const base = Array<string>(100_000).fill('same');
    const yours = ['my header', ...base];
    const scaffold = [...base, 'their footer'];
    const merged = merge3(text(base), text(yours), text(scaffold), '1.0.0');
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(text(['my header', ...base, 'their footer']));
  });

  it('merges files of repeated lines edited in the middle', () => {
    const base: string[] = Array.from({ length: 40_000 }, (_, i) => (i % 3 === 0 ? '}' : i % 3 === 1 ? '' : '  return x;'));
    const yours = [...base];
    yours[20_000] = '  return y; // ours';
    const scaffold = [...base];
    scaffold[30_001] = '  return z;';
    const merged = merge3(text(base), text(yours), text(scaffold), '1.0.0');
    expect(merged.conflicts).toBe(0);
    const wanted = [...base];
    wanted[20_000] = yours[20_000]!;
    wanted[30_001] = scaffold[30_001]!;
    expect(merged.text).toBe(text(wanted));
  });
});

describe('line matching', () => {
  it('finds the longest matching on small inputs (Myers), and matches in order', () => {
    const m = matchLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);
    expect(m.a).toHaveLength(4);
    for (let k = 1; k < m.a.length; k++) {
      expect(m.a[k]!).toBeGreaterThan(m.a[k - 1]!);
      expect(m.b[k]!).toBeGreaterThan(m.b[k - 1]!);
    }
  });

  it('matches the common front line for line, and only equal lines, in order, around any middle', () => {
    // A small alphabet, so that lines repeat; a seeded generator, so that a failure repeats.
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 16) % 4;
    const some = (n: number) => Array.from({ length: n }, () => 'abcd'[next()]!);
    for (let round = 0; round < 300; round++) {
      const front = some(round % 5);
      const back = some(round % 3);
      const a = [...front, ...some(round % 7), ...back];
      const b = [...front, ...some((round * 3) % 6), ...back];
      const m = matchLines(a, b);
      for (let k = 0; k < m.a.length; k++) {
        expect(a[m.a[k]!]).toBe(b[m.b[k]!]);
        if (k > 0) expect(m.a[k]! > m.a[k - 1]! && m.b[k]! > m.b[k - 1]!).toBe(true);
      }
      // The front is matched line for line; with the back, at least that many lines are matched.
      for (let i = 0; i < front.length; i++) expect(m.b[m.a.indexOf(i)]).toBe(i);
      expect(m.a.length).toBeGreaterThanOrEqual(front.length + back.length);
    }
  });

  it('without a base, marks each difference once and keeps the lines both have', () => {
    expect(markDifferences(text(['a', 'b', 'c']), text(['a', 'x', 'c']), '1')).toEqual({
      text: text(['a', '<<<<<<< yours', 'b', '=======', 'x', '>>>>>>> scaffold 1', 'c']),
      conflicts: 1,
    });
  });
});
