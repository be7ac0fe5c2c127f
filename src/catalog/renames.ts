/**
 * content/renames.yml: the generated files a release of Scaffold renamed (or split, keeping the
 * old file's content under its main successor), so that a person's edits follow the content.
 * When a project last rendered by an older version is updated, sync moves each file (and its
 * base) from `from` to `to` before merging, and reports it as `rename` (src/sync/decide.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../schema-library.js';
import { UserError } from '../errors.js';
import { once } from '../once.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { formatIssues } from '../source/problems.js';
import { parseYamlSource } from '../source/source.js';

export interface Rename {
  /** The release that made the change. */
  version: string;
  from: string;
  to: string;
}

export const RENAMES_FILE = 'content/renames.yml';

const format = once(() =>
  z.strictObject({
    renames: z._default(z.array(z.strictObject({ version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)), from: z.string().check(z.minLength(1)), to: z.string().check(z.minLength(1)) })), []),
  }),
);

/** The shipped renames, oldest release first. */
export const shippedRenames = once((): Rename[] => {
  const path = join(PACKAGE_ROOT, RENAMES_FILE);
  if (!existsSync(path)) return [];
  const source = parseYamlSource(readFileSync(path, 'utf8'), RENAMES_FILE);
  const result = format().safeParse(source.data ?? {}, { reportInput: true });
  if (!result.success) {
    const lines = formatIssues(result.error.issues, source);
    throw new UserError(lines[0]!, lines.slice(1));
  }
  return [...result.data.renames].sort((a, b) => (newerVersion(a.version, b.version) ? 1 : newerVersion(b.version, a.version) ? -1 : 0));
});

/**
 * Where each file a project has should now be, after the renames of the releases in
 * (`since`, `upTo`]: chains followed (a -> b in one release, b -> c in a later one gives a -> c).
 */
export function renamesBetween(renames: Rename[], since: string, upTo: string): Map<string, string> {
  const moved = new Map<string, string>();
  for (const r of renames) {
    if (!newerVersion(r.version, since) || newerVersion(r.version, upTo)) continue;
    for (const [from, to] of moved) if (to === r.from) moved.set(from, r.to);
    if (!moved.has(r.from)) moved.set(r.from, r.to);
  }
  return moved;
}

/** Whether version `a` is newer than `b` (major.minor.patch; a pre-release is older than its release). */
export function newerVersion(a: string, b: string): boolean {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.parts[i] ?? 0) !== (y.parts[i] ?? 0)) return (x.parts[i] ?? 0) > (y.parts[i] ?? 0);
  return !x.pre && !!y.pre;
}
