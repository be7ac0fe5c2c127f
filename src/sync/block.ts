/**
 * The block policy: in a file people also write (AGENTS.md, CLAUDE.md, copilot-instructions.md,
 * .gitignore, .codex/config.toml), Scaffold owns only the lines between two marker comments.
 * Every byte outside them is the person's and is never touched; inside them the usual rules
 * hold (three-way merge with the person's edits). The block is added at the end of the file the
 * first time. Decisions are in decide.ts; this file finds, replaces and removes the block.
 */

/** The marker lines for a file, in its own comment syntax (markdown or `#`). */
export function markersOf(path: string): { begin: string; end: string } {
  const note = 'Scaffold keeps this block current (scaffold update); edit outside it freely';
  return path.endsWith('.md')
    ? { begin: `<!-- scaffold:begin - ${note} -->`, end: '<!-- scaffold:end -->' }
    : { begin: `# scaffold:begin - ${note}`, end: '# scaffold:end' };
}

const isBegin = (line: string) => /^\s*(<!--|#)\s*scaffold:begin\b/.test(line);
const isEnd = (line: string) => /^\s*(<!--|#)\s*scaffold:end\b/.test(line);

export interface FoundBlock {
  /** Everything before the begin marker line, and from the line after the end marker. */
  before: string;
  after: string;
  /** The lines between the markers, each ending in a newline. */
  inner: string;
  /** The marker lines as they stand (the person may have reworded the note). */
  begin: string;
  end: string;
}

/** The block in canonical text (text.ts), if it has one. */
export function findBlock(text: string): FoundBlock | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex(isBegin);
  if (first < 0) return undefined;
  const last = lines.findIndex((line, i) => i > first && isEnd(line));
  if (last < 0) return undefined;
  const join = (part: string[]) => part.map((l) => `${l}\n`).join('');
  return {
    before: join(lines.slice(0, first)),
    inner: join(lines.slice(first + 1, last)),
    begin: lines[first]!,
    end: lines[last]!,
    after: lines.slice(last + 1).join('\n'),
  };
}

/** The block with these contents, as the file's own text. */
export function blockText(path: string, inner: string): string {
  const { begin, end } = markersOf(path);
  return `${begin}\n${inner}${inner.endsWith('\n') || inner === '' ? '' : '\n'}${end}\n`;
}

/** The file with its block's contents replaced, every other byte as it was. */
export function replaceInner(found: FoundBlock, inner: string): string {
  return `${found.before}${found.begin}\n${inner}${found.end}\n${found.after}`;
}

/** The file with the block added at its end, after a blank line. */
export function appendBlock(text: string, path: string, inner: string): string {
  if (text === '') return blockText(path, inner);
  const separated = text.endsWith('\n\n') ? text : text.endsWith('\n') ? `${text}\n` : `${text}\n\n`;
  return separated + blockText(path, inner);
}

/** The file without its block (and the blank line added with it); empty when the block was all of it. */
export function removeBlock(found: FoundBlock): string {
  const before = found.before.endsWith('\n\n') ? found.before.slice(0, -1) : found.before;
  return `${before}${found.after}`;
}
