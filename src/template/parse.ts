/**
 * Handlebars parses a template (its grammar, `\{{` escapes and whitespace control) and this
 * turns the result into the tree run.ts walks. Anything outside the part of Handlebars the
 * templates use is an error naming the file and line, so a template never renders differently
 * from what Handlebars would make of it.
 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { HELPERS } from './helpers.js';
import type { Expr, Node, TemplateTree } from './tree.js';

const require = createRequire(import.meta.url);

/** The file being parsed, and the inline partials found so far. */
interface Parsing {
  source: string;
  partials: TemplateTree['partials'];
}

export function parseTemplate(text: string, source: string): TemplateTree {
  let program: hbs.AST.Program;
  try {
    // The whole Handlebars compiler is large: only the build and a template changed since need it.
    program = (require('handlebars') as typeof Handlebars).parse(text);
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsing: Parsing = { source, partials: {} };
  const body = nodes(program.body, parsing, true);
  for (const name of [...partialsUsed(body), ...Object.values(parsing.partials).flatMap(partialsUsed)]) {
    if (!parsing.partials[name]) throw new Error(`${source}: partial "${name}" is used but not defined with {{#*inline "${name}"}}`);
  }
  return { body, partials: parsing.partials };
}

function fail(parsing: Parsing, node: hbs.AST.Node, what: string): never {
  const supported = `templates use {{x.y}}, #if / #unless / else, helpers (${Object.keys(HELPERS).join(', ')}) and inline partials`;
  throw new Error(`${parsing.source}:${node.loc?.start.line ?? 1}: ${what}; ${supported}`);
}

/** Statements to nodes; adjacent text is joined, so a stored tree stays small. */
function nodes(body: hbs.AST.Statement[], parsing: Parsing, top = false): Node[] {
  const out: Node[] = [];
  const push = (node: Node | undefined) => {
    const last = out[out.length - 1];
    if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node;
    else if (node !== undefined && node !== '') out.push(node);
  };
  for (const statement of body) push(node(statement, parsing, top));
  return out;
}

function node(statement: hbs.AST.Statement, parsing: Parsing, top: boolean): Node | undefined {
  switch (statement.type) {
    case 'ContentStatement':
      return (statement as hbs.AST.ContentStatement).value;
    case 'CommentStatement':
      return undefined;
    case 'MustacheStatement': {
      const m = statement as hbs.AST.MustacheStatement;
      // `{{json}}` calls the helper, as in Handlebars; `{{name}}` prints a value.
      const isCall = m.params.length > 0 || (m.path.type === 'PathExpression' && isHelper((m.path as hbs.AST.PathExpression).original));
      return { print: isCall ? helperCall(m, parsing) : expr(m.path, parsing) };
    }
    case 'BlockStatement': {
      const b = statement as hbs.AST.BlockStatement;
      const name = (b.path as hbs.AST.PathExpression).original;
      if (name !== 'if' && name !== 'unless') fail(parsing, b, `{{#${name}}} is not supported`);
      if (b.params.length !== 1 || b.hash?.pairs.length) fail(parsing, b, `{{#${name}}} takes exactly one condition`);
      const then = nodes(b.program.body, parsing);
      const otherwise = b.inverse ? nodes(b.inverse.body, parsing) : [];
      return { if: expr(b.params[0]!, parsing), ...(name === 'unless' && { negate: true as const }), then, else: otherwise };
    }
    case 'DecoratorBlock': {
      const d = statement as unknown as hbs.AST.BlockStatement;
      const name = (d.params[0] as hbs.AST.StringLiteral | undefined)?.value;
      if ((d.path as hbs.AST.PathExpression).original !== 'inline' || !name) fail(parsing, d, 'only {{#*inline "name"}} decorators are supported');
      if (!top) fail(parsing, d, 'define inline partials at the top of the template, outside any block');
      if (parsing.partials[name]) fail(parsing, d, `partial "${name}" is defined twice`);
      parsing.partials[name] = nodes(d.program.body, parsing);
      return undefined;
    }
    case 'PartialStatement': {
      const p = statement as hbs.AST.PartialStatement;
      const name = (p.name as hbs.AST.PathExpression).original;
      if (p.params.length) fail(parsing, p, `{{> ${name}}} takes key=value arguments only`);
      const hash = Object.fromEntries((p.hash?.pairs ?? []).map((pair) => [pair.key, expr(pair.value, parsing)]));
      return { partial: name, hash, indent: p.indent ?? '' };
    }
    default:
      return fail(parsing, statement, `${statement.type} is not supported`);
  }
}

function expr(node: hbs.AST.Expression, parsing: Parsing): Expr {
  switch (node.type) {
    case 'PathExpression': {
      const path = node as hbs.AST.PathExpression;
      if (path.data || path.depth > 0 || path.parts.length === 0) fail(parsing, path, `"${path.original}" is not supported (only names from the template data)`);
      return { path: path.parts };
    }
    case 'SubExpression':
      return helperCall(node as hbs.AST.SubExpression, parsing);
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return { value: (node as hbs.AST.StringLiteral).value };
    case 'NullLiteral':
      return { value: null };
    default:
      return fail(parsing, node, `${node.type} is not supported`);
  }
}

function helperCall(call: hbs.AST.MustacheStatement | hbs.AST.SubExpression, parsing: Parsing): Expr {
  const name = (call.path as hbs.AST.PathExpression).original;
  if (call.path.type !== 'PathExpression' || !isHelper(name)) fail(parsing, call, `"${name}" is not a helper`);
  if (call.hash?.pairs.length) fail(parsing, call, 'helpers take no key=value arguments');
  return { helper: name, args: call.params.map((param) => expr(param, parsing)) };
}

function isHelper(name: string): boolean {
  return Object.hasOwn(HELPERS, name);
}

function partialsUsed(list: Node[]): string[] {
  return list.flatMap((n) => (typeof n !== 'object' ? [] : 'partial' in n ? [n.partial] : 'if' in n ? [...partialsUsed(n.then), ...partialsUsed(n.else)] : []));
}
