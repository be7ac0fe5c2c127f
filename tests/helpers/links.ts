/**
 * The relative links of a rendered markdown file, as a reader's viewer would follow them:
 * inline links and images, reference definitions, HTML href/src and CLAUDE.md's `@file` imports.
 * Code (fenced blocks and inline spans) holds no links; absolute URLs are not checked here.
 */
import { posix } from 'node:path';

export interface Link {
  /** The target as written, e.g. `../../docs/knowledge/ml-testing.md#summary`. */
  target: string;
  line: number;
}

/** Fenced blocks and inline code blanked out, keeping line numbers. */
function withoutCode(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return '';
    }
    return fence ? '' : line.replace(/(`+)[^`]*?\1/g, '');
  });
}

const PATTERNS = [
  /!?\[(?:[^\]\\]|\\.)*\]\(\s*<([^>]*)>[^)]*\)/g, // [text](<target with spaces>)
  /!?\[(?:[^\]\\]|\\.)*\]\(\s*([^<\s)][^\s)]*)(?:\s+["'(][^)]*)?\)/g, // [text](target "title")
  /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/g, // [label]: target
  /\b(?:href|src)\s*=\s*["']([^"']+)["']/g, // <a href="target">
];

export function linksOf(markdown: string, file: string): Link[] {
  const links: Link[] = [];
  withoutCode(markdown).forEach((text, i) => {
    for (const pattern of PATTERNS) for (const m of text.matchAll(pattern)) links.push({ target: m[1]!, line: i + 1 });
    // Claude Code imports another file with a line `@path`.
    if (file.endsWith('CLAUDE.md')) for (const m of text.matchAll(/^@(\S+)$/g)) links.push({ target: m[1]!, line: i + 1 });
  });
  return links.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target) && !l.target.startsWith('//'));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of withoutCode(markdown)) {
    const heading = /^#{1,6} (.+?)\s*#*\s*$/.exec(line)?.[1];
    if (!heading) continue;
    const base = anchorOf(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/**
 * Every relative link in `files` that does not resolve to a file (or folder) among them, or to a
 * heading of that file: `path:line: target (why)`.
 */
export function danglingLinks(files: { path: string; content: string }[]): string[] {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const folders = new Set(files.flatMap((f) => f.path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  const problems: string[] = [];
  for (const file of files.filter((f) => /\.(md|mdc)$/.test(f.path))) {
    for (const { target, line } of linksOf(file.content, file.path)) {
      const [pathPart = '', fragment] = decodeURI(target).split('#') as [string, string | undefined];
      const where = `${file.path}:${line}: ${target}`;
      if (pathPart.startsWith('/')) {
        problems.push(`${where} (an absolute path: use one relative to the file)`);
        continue;
      }
      const resolved = pathPart === '' ? file.path : posix.normalize(posix.join(posix.dirname(file.path), pathPart.split('?')[0]!));
      if (resolved.startsWith('..')) problems.push(`${where} (outside the project)`);
      else if (!byPath.has(resolved) && !folders.has(resolved.replace(/\/$/, ''))) problems.push(`${where} (no such file in this project)`);
      else if (fragment && byPath.has(resolved) && /\.(md|mdc)$/.test(resolved) && !anchorsOf(byPath.get(resolved)!).has(fragment)) {
        problems.push(`${where} (no heading "#${fragment}" in ${resolved})`);
      }
    }
  }
  return problems;
}
