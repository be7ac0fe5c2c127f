/**
 * Handlebars parses a template (its grammar, `\{{` escapes and whitespace control) and this
 * turns the result into the tree template.ts runs. Anything outside the part of Handlebars the
 * templates use is an error naming the file and line, so a template never renders differently
 * from what Handlebars would make of it.
 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { HELPERS, type Expr, type Node, type TemplateTree } from './template.js';

const require = createRequire(import.meta.url);

/** The whole Handlebars compiler is large; only a template changed since the build needs it. */
function parse(text: string): hbs.AST.Program {
  return (require('handlebars') as typeof Handlebars).parse(text);
}

export function parseTemplate(text: string, source: string): TemplateTree {
  const partials: TemplateTree['partials'] = {};
  const fail = (node: hbs.AST.Node, what: string): never => {
    throw new Error(`${source}:${node.loc?.start.line ?? 1}: ${what}; templates use {{x.y}}, #if / #unless / else, helpers (${Object.keys(HELPERS).join(', ')}) and inline partials`);
  };
  let program: hbs.AST.Program;
  try {
    program = parse(text);
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message.split('\n')[0]}`);
  }

  const expr = (node: hbs.AST.Expression): Expr => {
    switch (node.type) {
      case 'PathExpression':
        return { path: pathOf(node as hbs.AST.PathExpression) };
      case 'SubExpression': {
        const call = node as hbs.AST.SubExpression;
        return helperCall(call.path, call.params, call.hash, call);
      }
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return { value: (node as hbs.AST.StringLiteral).value };
      case 'NullLiteral':
        return { value: null };
      default:
        return fail(node, `${node.type} is not supported`);
    }
  };
  const pathOf = (path: hbs.AST.PathExpression): string[] => {
    if (path.data || path.depth > 0 || path.parts.length === 0) fail(path, `"${path.original}" is not supported (only names from the template data)`);
    return path.parts;
  };
  const helperCall = (path: hbs.AST.Expression, params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, at: hbs.AST.Node): Expr => {
    const name = (path as hbs.AST.PathExpression).original;
    if (path.type !== 'PathExpression' || !Object.hasOwn(HELPERS, name)) return fail(at, `"${name}" is not a helper`);
    if (hash?.pairs.length) fail(at, `helpers take no key=value arguments`);
    return { helper: name, args: params.map(expr) };
  };
  const hashOf = (hash: hbs.AST.Hash | undefined) => Object.fromEntries((hash?.pairs ?? []).map((pair) => [pair.key, expr(pair.value)]));

  const nodes = (body: hbs.AST.Statement[], top = false): Node[] => {
    const out: Node[] = [];
    const push = (node: Node) => {
      const last = out[out.length - 1];
      if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node;
      else if (node !== '') out.push(node);
    };
    for (const statement of body) {
      switch (statement.type) {
        case 'ContentStatement':
          push((statement as hbs.AST.ContentStatement).value);
          break;
        case 'CommentStatement':
          break;
        case 'MustacheStatement': {
          const m = statement as hbs.AST.MustacheStatement;
          const isCall = m.params.length > 0 || (m.path.type === 'PathExpression' && Object.hasOwn(HELPERS, (m.path as hbs.AST.PathExpression).original));
          push({ print: isCall ? helperCall(m.path, m.params, m.hash, m) : expr(m.path) });
          break;
        }
        case 'BlockStatement': {
          const b = statement as hbs.AST.BlockStatement;
          const name = (b.path as hbs.AST.PathExpression).original;
          if (name !== 'if' && name !== 'unless') fail(b, `{{#${name}}} is not supported`);
          if (b.params.length !== 1 || b.hash?.pairs.length) fail(b, `{{#${name}}} takes exactly one condition`);
          push({ if: expr(b.params[0]!), ...(name === 'unless' && { negate: true as const }), then: nodes(b.program.body), else: b.inverse ? nodes(b.inverse.body) : [] });
          break;
        }
        case 'DecoratorBlock': {
          const d = statement as unknown as hbs.AST.BlockStatement;
          const name = (d.params[0] as hbs.AST.StringLiteral | undefined)?.value;
          if ((d.path as hbs.AST.PathExpression).original !== 'inline' || !name) fail(d, 'only {{#*inline "name"}} decorators are supported');
          if (!top) fail(d, 'define inline partials at the top of the template, outside any block');
          if (partials[name!]) fail(d, `partial "${name}" is defined twice`);
          partials[name!] = nodes(d.program.body);
          break;
        }
        case 'PartialStatement': {
          const p = statement as hbs.AST.PartialStatement;
          const name = (p.name as hbs.AST.PathExpression).original;
          if (p.params.length) fail(p, `{{> ${name}}} takes key=value arguments only`);
          push({ partial: name, hash: hashOf(p.hash), indent: p.indent ?? '' });
          break;
        }
        default:
          fail(statement, `${statement.type} is not supported`);
      }
    }
    return out;
  };

  const body = nodes(program.body, true);
  const used = (list: Node[]): string[] =>
    list.flatMap((n) => (typeof n !== 'object' ? [] : 'partial' in n ? [n.partial] : 'if' in n ? [...used(n.then), ...used(n.else)] : []));
  for (const name of [...used(body), ...Object.values(partials).flatMap(used)]) {
    if (!partials[name]) throw new Error(`${source}: partial "${name}" is used but not defined with {{#*inline "${name}"}}`);
  }
  return { body, partials };
}
