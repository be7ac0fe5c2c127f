/**
 * The one Handlebars setup for knowledge entries and suite templates. Strict mode: a variable
 * that does not exist throws (and fails the project's content tests) instead of rendering as a
 * blank in a user's file. No HTML escaping: the output is markdown and source code.
 *
 * Templates are precompiled at build time (src/build/precompile.ts) into dist/compiled/, and
 * run here on the small Handlebars runtime: compiling at run time cost more than everything else
 * a run does. A template whose source changed since the build (working on Scaffold itself) is
 * compiled on the spot with the full compiler, with the same options, so the output is the same.
 */
import { createRequire } from 'node:module';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { builtTemplate } from '../compiled.js';

export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

const require = createRequire(import.meta.url);
// The runtime build has the same API minus the compiler; its own typings are empty.
const runtime = (HandlebarsRuntime as unknown as typeof import('handlebars')).create();
type Spec = Parameters<typeof runtime.template>[0];

const helpers: Record<string, (...args: unknown[]) => unknown> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  not: (a) => !a,
  // The last argument Handlebars passes to a helper is its options object, not a value.
  and: (...args) => args.slice(0, -1).every(Boolean),
  or: (...args) => args.slice(0, -1).some(Boolean),
  /** `(includes browserExtension.uiSurfaces "popup")`, or with several values: any of them. */
  includes: (list, ...args) => Array.isArray(list) && args.slice(0, -1).some((v) => list.includes(v)),
  /** `(oneOf ml.servingPattern "realtime" "edge")`: the value is one of those listed. */
  oneOf: (value, ...args) => args.slice(0, -1).includes(value),
  /** `{{join browserExtension.uiSurfaces ", "}}` */
  join: (list, separator) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
  /** `{{json value}}`: a JSON literal, for generated code and config files. */
  json: (value) => JSON.stringify(value),
};
for (const [name, fn] of Object.entries(helpers)) runtime.registerHelper(name, fn);

export type Template = (context: object) => string;
type Delegate = (context: object) => string;

/** The template's spec as JavaScript source, as the build stores it. */
export function precompile(text: string): string {
  const compiler = require('handlebars') as typeof import('handlebars');
  return compiler.precompile(text, COMPILE_OPTIONS) as string;
}

const cache = new Map<string, Delegate>();

/**
 * Compile a template; `source` names it in errors and finds its precompiled form (a file path
 * relative to the package, plus `#path` for a suite file's path template).
 */
export function compile(text: string, source: string): Template {
  const key = `${source}\0${text}`;
  let template = cache.get(key);
  if (!template) {
    template = runtime.template(builtTemplate<Spec>(source, text) ?? evalSpec(precompile(text))) as Delegate;
    cache.set(key, template);
  }
  const run = template;
  return (context) => {
    try {
      return run(context);
    } catch (error) {
      throw new Error(`${source}: ${(error as Error).message}`);
    }
  };
}

function evalSpec(source: string): Spec {
  return new Function(`return ${source};`)() as Spec;
}

