/** Parse YAML (or JSON, a subset) keeping positions, so errors can name the file and line. */
import type { Node } from 'yaml';
import { UserError } from '../errors.js';
import { yaml } from './yaml.js';

export interface Source {
  /** Path as shown to the user, relative to the project when possible. */
  file: string;
  data: unknown;
  /** The 1-based line of the deepest node along `path` that exists in the file. */
  lineOf(path: PropertyKey[]): number | undefined;
}

/**
 * A file of Scaffold's own whose data the build parsed and checked (src/catalog/built.ts): the
 * file is read and parsed only if a message needs a line number.
 */
export function builtSource(read: () => string, file: string, data: unknown): Source {
  return { file, data, lineOf: (path) => parseYamlSource(read(), file).lineOf(path) };
}

export function parseYamlSource(text: string, file: string): Source {
  const { isMap, isSeq, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  // The library's own duplicate-key check compares every key with every other one (seconds for a
  // map of 16,000 keys); a set per map finds the same duplicates in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const reason = error.message.split('\n')[0];
    throw new UserError(`${file}:${line}: not valid YAML: ${reason}. Fix the syntax and run again.`);
  }
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
        if (seen.has(key)) {
          const line = lineCounter.linePos((pair.key as Node | null)?.range?.[0] ?? 0).line;
          throw new UserError(`${file}:${line}: not valid YAML: the key "${key}" appears twice in one map. Keep one of them and run again.`);
        }
        seen.add(key);
      }
    },
  });
  let data: unknown;
  try {
    // Aliases that expand without end (a "billion laughs" file) stop here as bad input.
    data = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch (error) {
    throw new UserError(`${file}: ${(error as Error).message.split('\n')[0]}; expand the aliases (*name) or use fewer of them`);
  }
  return {
    file,
    data,
    lineOf(path) {
      let node: unknown = doc.contents;
      let offset = (doc.contents as Node | null)?.range?.[0];
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(segment));
          if (!pair) break;
          offset = (pair.key as Node).range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
          node = node.items[segment];
          offset = (node as Node).range?.[0] ?? offset;
        } else break;
      }
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}
