/** The explore page's diff of a file on disk against what apply leaves: what a reader sees. */
import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/explore/preview.js';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${from + i}`);
const text = (ls: string[]) => `${ls.join('\n')}\n`;

describe('lineDiff', () => {
  it('shows a changed line with three unchanged lines each side and counts the rest', () => {
    const before = lines(20);
    const after = [...before];
    after[9] = 'changed';
    expect(lineDiff(text(before), text(after))).toEqual([
      { kind: 'skip', count: 6 },
      ...lines(3, 7).map((t) => ({ kind: ' ', text: t })),
      { kind: '-', text: 'line 10' },
      { kind: '+', text: 'changed' },
      ...lines(3, 11).map((t) => ({ kind: ' ', text: t })),
      { kind: 'skip', count: 7 },
    ]);
  });

  it('keeps short unchanged runs whole and shows lines added at the end', () => {
    expect(lineDiff('a\nb\n', 'x\na\nb\nc\n')).toEqual([
      { kind: '+', text: 'x' },
      { kind: ' ', text: 'a' },
      { kind: ' ', text: 'b' },
      { kind: '+', text: 'c' },
    ]);
  });

  it('shows every line removed when apply deletes the file', () => {
    expect(lineDiff('a\nb\n', '')).toEqual([
      { kind: '-', text: 'a' },
      { kind: '-', text: 'b' },
    ]);
  });
});
