/**
 * Running a template. Scaffold's templates are Handlebars; Handlebars parses each one (and
 * applies its whitespace rules) into the small tree below, at build time for shipped files
 * (src/build/precompile.ts stores it as JSON) or on the spot for a file changed since the build.
 * A run only walks the tree. That costs a JSON.parse where the Handlebars runtime plus its
 * compiled JavaScript cost a fifth of a whole `init` (issue 8).
 *
 * The tree covers the part of Handlebars the templates use, with its semantics in strict mode
 * without escaping; parse-template.ts rejects anything else when the template is parsed, and
 * tests/unit/template.test.ts checks every shipped template against Handlebars itself.
 */
import { builtTemplate } from '../compiled.js';
import { parseTemplate } from './parse-template.js';

export type Expr =
  /** A dotted lookup such as `ml.servingPattern`. */
  | { path: string[] }
  | { value: string | number | boolean | null }
  /** A helper call: `(eq a "b")`, or `{{join list ", "}}`. */
  | { helper: string; args: Expr[] };

export type Node =
  | string
  | { print: Expr }
  /** `{{#if}}`, or `{{#unless}}` with `negate`; an `{{else if}}` chain nests in `else`. */
  | { if: Expr; negate?: true; then: Node[]; else: Node[] }
  /** `{{> name key=value}}` of a `{{#*inline "name"}}` partial; `indent` when it stands alone on its lines. */
  | { partial: string; hash: Record<string, Expr>; indent: string };

export interface TemplateTree {
  body: Node[];
  partials: Record<string, Node[]>;
}

type Helper = (this: Record<string, unknown>, ...args: unknown[]) => unknown;

export const HELPERS: Record<string, Helper> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  not: (a) => !a,
  // As in Handlebars, a helper's last argument is an options object, not a value.
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
  /**
   * `{{ref "ml-testing"}}`: a reference to another knowledge entry. A link when the project's
   * knowledge base has it, else its name and how to read it, so no rendered link dangles.
   */
  ref: function (this: Record<string, unknown>, name) {
    const selected = this.selectedKnowledge;
    return Array.isArray(selected) && selected.includes(name)
      ? `[${String(name)}](${String(this.knowledgeLinkBase ?? '')}${String(name)}.md)`
      : `${String(name)} (not in this knowledge base; \`npx scaffold-overlays show ${String(name)}\` prints it)`;
  },
};

export type Template = (context: object) => string;

const cache = new Map<string, { text: string; tree: TemplateTree }>();

/**
 * `source` names the template in errors and finds its parsed form in the build (a file path
 * relative to the package, plus `#path` for a suite file's path template).
 */
export function compile(text: string, source: string): Template {
  let cached = cache.get(source);
  if (cached?.text !== text) {
    cached = { text, tree: builtTemplate<TemplateTree>(source, text) ?? parseTemplate(text, source) };
    cache.set(source, cached);
  }
  const found = cached.tree;
  return (context) => {
    try {
      return run(found.body, context as Scope, found.partials);
    } catch (error) {
      throw new Error(`${source}: ${(error as Error).message}`);
    }
  };
}

type Scope = Record<string, unknown>;

function run(nodes: Node[], scope: Scope, partials: TemplateTree['partials']): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if ('print' in node) out += printed(node.print, scope);
    else if ('if' in node) out += run(truthy(evaluate(node.if, scope)) !== !!node.negate ? node.then : node.else, scope, partials);
    else out += indented(run(partials[node.partial]!, { ...scope, ...evaluateHash(node.hash, scope) }, partials), node.indent);
  }
  return out;
}

/** `{{x}}`: a value that does not exist is an error, null prints nothing, anything else as text. */
function printed(expr: Expr, scope: Scope): string {
  const value = 'path' in expr ? lookup(scope, expr.path, true) : evaluate(expr, scope);
  return value === undefined || value === null ? '' : `${value as string}`;
}

function evaluate(expr: Expr, scope: Scope): unknown {
  if ('value' in expr) return expr.value;
  if ('path' in expr) return lookup(scope, expr.path, false);
  const helper = HELPERS[expr.helper]!;
  return helper.call(scope, ...expr.args.map((arg) => evaluate(arg, scope)), { name: expr.helper });
}

function evaluateHash(hash: Record<string, Expr>, scope: Scope): Scope {
  return Object.fromEntries(Object.entries(hash).map(([key, expr]) => [key, evaluate(expr, scope)]));
}

/**
 * Strict lookup as Handlebars does it: every step on the way must exist; the last one must too
 * when it is printed, while a helper argument or condition may name a missing value (undefined).
 * Only own properties are read, so `constructor` and friends are never reached.
 */
function lookup(scope: Scope, path: string[], mustExist: boolean): unknown {
  let value: unknown = scope;
  path.forEach((name, i) => {
    const last = i === path.length - 1;
    if ((!last || mustExist) && (!value || !(name in (value as object)))) throw new Error(`"${name}" not defined in ${path.slice(0, i).join('.') || 'the template data'}`);
    value = value !== null && value !== undefined && Object.hasOwn(value as object, name) ? (value as Scope)[name] : undefined;
  });
  return value;
}

/** Handlebars' `#if`: false, 0, '', null, undefined and an empty list are all false. */
function truthy(value: unknown): boolean {
  return !!value && !(Array.isArray(value) && value.length === 0);
}

function indented(text: string, indent: string): string {
  if (!indent) return text;
  const lines = text.split('\n');
  return lines.map((line, i) => (line === '' && i === lines.length - 1 ? line : indent + line)).join('\n');
}
