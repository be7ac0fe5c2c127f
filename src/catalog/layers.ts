/** Overlay files read into layers, and the check that every name a layer uses exists. */
import { UserError } from '../errors.js';
import { once } from '../once.js';
import { formatIssues } from '../source/problems.js';
import { builtSource, parseYamlSource, type Source } from '../source/source.js';
import { didYouMean } from '../source/suggest.js';
import { fromBuild } from './built.js';
import { migrateDepths } from './depth.js';
import { overlaySchema, type Overlay, type OverlayChanges } from './overlay-format.js';

/** An overlay together with who is speaking and where it came from. */
export interface Layer {
  /** As shown in the knowledge index and `--dry-run --json`: "methodology deep", ".scaffold/overlays/team.yml". */
  label: string;
  overlay: Overlay;
  /** For messages with file and line. */
  source: Source;
  /** Path of the overlay inside the source (`['overlay']` for config.yml's inline overlay). */
  at: PropertyKey[];
  /** An old depth number, read as its level (depth.ts): one line each, naming the file and line. */
  warnings: string[];
}

/** An overlay file of a pack or the project, parsed and checked. */
export function readLayer(text: string, shownAs: string, label: string): Layer {
  const { source, warnings } = migrateDepths(parseYamlSource(text, shownAs), 'edit that line (until then Scaffold reads the number as before)', []);
  return { label, overlay: checkOverlay(source.data, source, shownAs), source, at: [], warnings };
}

/** One of Scaffold's own overlays, as the build parsed and checked it (`read` only if stale). */
export function readShippedLayer(read: () => string, shownAs: string, label: string): Layer {
  const text = once(read);
  const overlay = fromBuild<Overlay | undefined>(shownAs, 'data', text, () => undefined);
  if (!overlay) return readLayer(text(), shownAs, label);
  return { label, overlay, source: builtSource(text, shownAs, overlay), at: [], warnings: [] };
}

/** Overlay-shaped data checked against the format; every problem is one line with its line number. */
export function checkOverlay(data: unknown, source: Source, shownAs: string, at: PropertyKey[] = []): Overlay {
  const result = overlaySchema().safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const shifted = { ...source, lineOf: (path: PropertyKey[]) => source.lineOf([...at, ...path]) };
  const lines = formatIssues(result.error.issues, shifted);
  throw new UserError(lines[0]!, lines.slice(1), { hint: `Fix ${shownAs} and run again` });
}

export interface KnownNames {
  knowledge: ReadonlySet<string>;
  suites: ReadonlySet<string>;
  /** The project type an entry or suite is for, if only one. */
  typeOf(kind: 'knowledge' | 'suites', name: string): string | undefined;
}

/**
 * Every knowledge or suite name a layer uses must exist, and be for this project's type (or for
 * any type). Returns one line per problem.
 */
export function unknownNames(layer: Layer, known: KnownNames, projectType: string): string[] {
  const problems: string[] = [];
  const blocks: [OverlayChanges, PropertyKey[]][] = [[layer.overlay, layer.at]];
  layer.overlay.when?.forEach((block, i) => blocks.push([block, [...layer.at, 'when', i]]));
  for (const [block, at] of blocks) {
    for (const kind of ['knowledge', 'suites'] as const) {
      for (const op of ['add', 'remove', 'replace'] as const) {
        block[kind]?.[op]?.forEach((name, i) => {
          // Only a problem needs its line, and finding it parses the file.
          const line = () => {
            const n = layer.source.lineOf([...at, kind, op, i]);
            return n === undefined ? layer.source.file : `${layer.source.file}:${n}`;
          };
          const what = kind === 'knowledge' ? 'knowledge entry' : 'suite';
          if (!known[kind].has(name)) {
            problems.push(`${line()}: unknown ${what} "${name}"${didYouMean(name, known[kind])}; \`scaffold list ${kind}\` shows them all`);
            return;
          }
          const forType = known.typeOf(kind, name);
          if (op !== 'remove' && forType && forType !== projectType) {
            problems.push(`${line()}: ${what} "${name}" is for ${forType} projects, and this project is ${projectType}; \`scaffold list ${kind} --type ${projectType}\` shows what fits`);
          }
        });
      }
    }
  }
  return problems;
}
