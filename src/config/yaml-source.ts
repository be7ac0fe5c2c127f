/** Parse YAML (or JSON, a subset) keeping positions, so errors can name the file and line. */
import type { Node } from 'yaml';
import { builtData } from '../compiled.js';
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
 * `shipped`: a file of Scaffold's own (an overlay, a suite.yml) whose parsed data the build may
 * have stored; then the text is parsed only if an error needs a line number.
 */
export function parseYamlSource(text: string, file: string, shipped = false): Source {
  const prebuilt = shipped ? builtData<unknown>(file, text) : undefined;
  if (prebuilt !== undefined) return { file, data: prebuilt, lineOf: (path) => parseFully(text, file).lineOf(path) };
  return parseFully(text, file);
}

function parseFully(text: string, file: string): Source {
  const { isMap, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const reason = error.message.split('\n')[0];
    throw new UserError(`${file}:${line}: not valid YAML: ${reason}. Fix the syntax and run again.`);
  }
  return {
    file,
    data: doc.toJS() ?? {},
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
