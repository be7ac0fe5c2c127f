/**
 * The YAML library, loaded on first use. Loading it costs about 11 ms on two cores without the
 * code cache and 5 ms with it, and the commonest run never needs it: the build stores shipped
 * YAML parsed (src/catalog/built.ts) and a new config.yml is written by `yamlText` below. It is
 * needed to read a project's config.yml, an answers file or a local overlay, and to edit an
 * existing config.yml in place.
 *
 * The build bundles the library into one file, dist/vendor/yaml.cjs, loaded with V8's code cache
 * (src/vendor/load.ts); runs from the sources (Scaffold's tests) load the installed package.
 */
import { createRequire } from 'node:module';
import { vendored } from '../vendor/load.js';

type Yaml = typeof import('../vendor/yaml.js');
const require = createRequire(import.meta.url);
let library: Yaml | undefined;

/** Synchronous, unlike the other libraries of src/vendor/: the package is required from the sources. */
export function yaml(): Yaml {
  library ??= vendored<Yaml>('yaml') ?? (require('yaml') as Yaml);
  return library;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A map or list with something in it: written as a block of lines; empty ones are `{}` and `[]`. */
const isBlock = (v: unknown): v is object => (Array.isArray(v) ? v.length > 0 : isMap(v) && Object.keys(v).length > 0);

// A string written without quotes must read back as that string: no YAML indicator characters,
// nothing that resolves to null, a boolean or a number.
const PLAIN = /^[A-Za-z0-9_./][\w ./@+-]*(?<! )$/;
const NOT_A_STRING = /^(?:~|null|true|false|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[]';
  if (isMap(value)) return '{}';
  if (typeof value !== 'string') return String(value);
  // JSON's double-quoted strings are YAML double-quoted strings.
  return PLAIN.test(value) && !NOT_A_STRING.test(value) ? value : JSON.stringify(value);
}

function lines(value: object, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => {
      if (!isBlock(item)) return [`${indent}- ${scalar(item)}`];
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest];
    });
  }
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .flatMap(([key, v]) => (isBlock(v) ? [`${indent}${scalar(key)}:`, ...lines(v, `${indent}  `)] : [`${indent}${scalar(key)}: ${scalar(v)}`]));
}

/**
 * JSON-shaped data as block YAML without loading the library. For config-shaped data it writes
 * what the library writes (tests/unit/config.test.ts compares the two); it quotes a few strings
 * the library would leave plain (`-x`, `ünï`) and never folds a long string.
 */
export function yamlText(data: Record<string, unknown>): string {
  return `${lines(data, '').join('\n')}\n`;
}
