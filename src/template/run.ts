/**
 * Running a parsed template (tree.ts). Walking the tree costs a JSON.parse of the build's copy
 * where the Handlebars runtime plus its compiled JavaScript cost a fifth of a whole `init`
 * (issue 8). The tree covers the part of Handlebars the templates use, with its semantics in
 * strict mode without escaping; tests/unit/template.test.ts checks every shipped template
 * against Handlebars itself.
 */
import { HELPERS } from './helpers.js';
import type { Expr, Node, TemplateTree } from './tree.js';

/** Render `tree` with `context`; `source` names the template in errors. */
export function runTemplate(tree: TemplateTree, context: object, source: string): string {
  try {
    return run(tree.body, context as Scope, tree.partials);
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`);
  }
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
