/**
 * Knowledge depth: how much of each entry a project renders. The one definition of the levels,
 * their help lines and the old 1-5 scale's mapping; the schemas, flags, wizard, explore page,
 * MCP server and renderer all derive from it.
 *
 * Two levels, because only two renderings ever existed: the old 1 and 2 rendered the same, and
 * so did 3, 4 and 5. Names rather than 1 and 2, because an old `depth: 2` meant summary.
 */
import type { Source } from '../source/source.js';

export const DEPTH_LEVELS = {
  summary: 'the intro, Summary and Checklist of each entry (plus its review month and sources)',
  full: 'every section of each entry: the deep guidance, worked examples and checklist',
} as const;
export type Depth = keyof typeof DEPTH_LEVELS;
export const DEPTH_NAMES = Object.keys(DEPTH_LEVELS) as [Depth, ...Depth[]];
/** The wizard's and the explore page's question. */
export const DEPTH_QUESTION = 'Knowledge depth';
/** What `methodology: custom` renders unless config.yml chooses. */
export const CUSTOM_DEFAULT_DEPTH: Depth = 'full';

/** The old scale: 1-2 rendered what summary renders, 3-5 what full renders. */
const OLD_SCALE = { 1: 'summary', 2: 'summary', 3: 'full', 4: 'full', 5: 'full' } as const satisfies Record<number, Depth>;
const OLD_RANGE: Record<Depth, string> = { summary: 'levels 1 and 2', full: 'levels 3 to 5' };

/** The level an old number meant, or undefined for anything that is not 1-5. */
export function depthOfNumber(value: unknown): Depth | undefined {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))
    ? OLD_SCALE[Number(value) as keyof typeof OLD_SCALE]
    : undefined;
}

/** `where: depth 4 is now written "depth: full" (levels 3 to 5 rendered the same); <fix>`. */
export function oldDepthWarning(where: string, old: unknown, written: string, fix: string): string {
  const level = depthOfNumber(old)!;
  return `${where}: depth ${String(old).trim()} is now written "${written}" (${OLD_RANGE[level]} rendered the same); ${fix}`;
}

/**
 * `--depth summary|full`; an old number maps, with a warning, so scripts keep working.
 * Anything else is refused by the caller, which names the levels.
 */
export function depthFlag(flag: string, value: string, warnings: string[]): Depth | undefined {
  if ((DEPTH_NAMES as string[]).includes(value)) return value as Depth;
  const level = depthOfNumber(value);
  if (level) warnings.push(oldDepthWarning(flag, value, `${flag} ${level}`, `pass ${flag} ${level}`));
  return level;
}

/** A source with its old depth numbers read as levels: a warning and a path for each. */
export interface DepthMigration {
  source: Source;
  warnings: string[];
  changed: { path: PropertyKey[]; level: Depth }[];
}

/**
 * The source with each old number at a depth key replaced by its level: `depth` and
 * `when[i].depth` of the overlay at `overlayAt`, and any other `extra` paths. One warning per
 * number, naming the file and line, and `fix`: how the number goes away.
 */
export function migrateDepths(source: Source, fix: string, overlayAt: PropertyKey[] | undefined, extra: PropertyKey[][] = []): DepthMigration {
  const paths = [...extra];
  if (overlayAt) {
    paths.push([...overlayAt, 'depth']);
    const when = valueAt(source.data, [...overlayAt, 'when']);
    if (Array.isArray(when)) when.forEach((_, i) => paths.push([...overlayAt, 'when', i, 'depth']));
  }
  const old = paths.filter((path) => depthOfNumber(valueAt(source.data, path)) !== undefined);
  if (old.length === 0) return { source, warnings: [], changed: [] };
  const data = structuredClone(source.data);
  const changed = old.map((path) => ({ path, level: depthOfNumber(valueAt(data, path))! }));
  const warnings = changed.map(({ path, level }) => {
    const value = valueAt(data, path);
    (valueAt(data, path.slice(0, -1)) as Record<PropertyKey, unknown>)[path.at(-1)!] = level;
    return oldDepthWarning(`${source.file}:${source.lineOf(path) ?? 1}`, value, `depth: ${level}`, fix);
  });
  return { source: { ...source, data }, warnings, changed };
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
