/**
 * The one Handlebars setup for knowledge entries and suite templates. Strict mode: a variable
 * that does not exist throws (and fails the project's content tests) instead of rendering as a
 * blank in a user's file. No HTML escaping: the output is markdown and source code.
 */
import Handlebars from 'handlebars';

const hbs = Handlebars.create();

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
for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);

export type Template = (context: object) => string;

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Compile a template (once per text); `source` names the file in errors. */
export function compile(text: string, source: string): Template {
  let template = compiled.get(text);
  if (!template) {
    template = hbs.compile(text, { strict: true, noEscape: true });
    compiled.set(text, template);
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

export const HELPER_NAMES = Object.keys(helpers);
