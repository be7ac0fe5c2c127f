/**
 * One file of the plan as the page previews it: what it holds after apply, Scaffold's render
 * when that differs (a block in your AGENTS.md, a seed file you changed), and the line diff
 * against the file on disk. Only paths of the plan are read, never any other file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { matchLines } from '../sync/diff.js';
import { textOf } from '../sync/text.js';
import type { Planned } from './plan.js';

/** A diff line: kept (' '), removed ('-'), added ('+'), or `skip` unchanged lines left out. */
export type DiffLine = { kind: ' ' | '-' | '+'; text: string } | { kind: 'skip'; count: number };

export interface Preview {
  path: string;
  action: string;
  /** The file after apply; undefined when apply deletes it. */
  after?: string;
  /** What Scaffold renders for it, when the file holds more or other than that. */
  rendered?: string;
  onDisk: boolean;
  /** The file on disk against `after`, when both exist and differ. */
  diff?: DiffLine[];
}

/** Files larger than this are previewed as a note, not sent whole. */
const MAX_BYTES = 512 * 1024;
/** Unchanged lines kept around each change. */
const CONTEXT = 3;

export function previewOf(projectDir: string, { run, outcome }: Planned, path: string): Preview {
  const change = outcome.changes.find((c) => c.path === path);
  if (!change) throw new UserError(`${path}: not a file of this plan`, [], { code: 'usage' });
  const planned = run.files().find((f) => f.path === path);
  const disk = readText(join(projectDir, path));
  const after = change.action === 'delete' ? undefined : change.write !== undefined ? textOf(change.write) : (disk ?? planned?.content);
  const rendered = planned && planned.content !== after ? planned.content : undefined;
  const diff = disk !== undefined && after !== undefined && disk !== after ? lineDiff(disk, after) : disk !== undefined && after === undefined ? lineDiff(disk, '') : undefined;
  return { path, action: change.action, ...(after !== undefined && { after }), ...(rendered !== undefined && { rendered }), onDisk: disk !== undefined, ...(diff && { diff }) };
}

function readText(path: string): string | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  if (statSync(path).size > MAX_BYTES) return `(${statSync(path).size} bytes: too large to preview)\n`;
  return readFileSync(path, 'utf8');
}

/** The changed lines of `before` to `after`, with a few unchanged lines around each change. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const matches = matchLines(a, b);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  let common: string[] = [];
  // A run of unchanged lines keeps CONTEXT lines next to each change, and none at either end.
  const flushCommon = (last: boolean) => {
    const head = out.length === 0 ? 0 : CONTEXT;
    const tail = last ? 0 : CONTEXT;
    if (common.length <= head + tail) for (const text of common) out.push({ kind: ' ', text });
    else {
      for (const text of common.slice(0, head)) out.push({ kind: ' ', text });
      out.push({ kind: 'skip', count: common.length - head - tail });
      for (const text of common.slice(common.length - tail)) out.push({ kind: ' ', text });
    }
    common = [];
  };
  for (let m = 0; m <= matches.a.length; m++) {
    const ai = m < matches.a.length ? matches.a[m]! : a.length;
    const bj = m < matches.b.length ? matches.b[m]! : b.length;
    if (i < ai || j < bj) {
      flushCommon(false);
      for (; i < ai; i++) out.push({ kind: '-', text: a[i]! });
      for (; j < bj; j++) out.push({ kind: '+', text: b[j]! });
    }
    if (m < matches.a.length) {
      common.push(a[ai]!);
      i = ai + 1;
      j = bj + 1;
    }
  }
  if (common.length) flushCommon(true);
  return out;
}

/** Lines without their ends; a final newline ends the last line rather than starting another. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}
