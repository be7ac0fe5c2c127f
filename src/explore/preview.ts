/**
 * One file of the plan as the page previews it: what it holds after apply, Scaffold's render
 * when that differs (a block in your AGENTS.md, a seed file you changed), and the line diff
 * against the file on disk. Only paths of the plan are read, never any other file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diffComm } from 'node-diff3';
import { UserError } from '../errors.js';
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
  const after = change.action === 'delete' ? undefined : (change.write?.toString('utf8') ?? disk ?? planned?.content);
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
  const out: DiffLine[] = [];
  const chunks = diffComm(splitLines(before), splitLines(after));
  chunks.forEach((chunk, i) => {
    if (!chunk.common) {
      for (const text of chunk.buffer1 ?? []) out.push({ kind: '-', text });
      for (const text of chunk.buffer2 ?? []) out.push({ kind: '+', text });
      return;
    }
    const lines = chunk.common;
    const head = i === 0 ? 0 : CONTEXT;
    const tail = i === chunks.length - 1 ? 0 : CONTEXT;
    if (lines.length <= head + tail) {
      for (const text of lines) out.push({ kind: ' ', text });
      return;
    }
    for (const text of lines.slice(0, head)) out.push({ kind: ' ', text });
    out.push({ kind: 'skip', count: lines.length - head - tail });
    for (const text of lines.slice(lines.length - tail)) out.push({ kind: ' ', text });
  });
  return out;
}

/** Lines without their ends; a final newline ends the last line rather than starting another. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}
