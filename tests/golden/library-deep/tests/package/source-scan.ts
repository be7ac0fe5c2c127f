/**
 * Pattern: check source code by reading its syntax tree, not by searching text, so comments,
 * strings and property names such as `job.process` never count. Uses the TypeScript compiler the
 * project already depends on. Scope is approximated per file: a local binding named like a
 * Node global (`const process = ...`) hides it for the whole file.
 * Replace: NODE_GLOBALS if your targets differ (Deno, Bun); SRC_DIR if your code lives elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SRC_DIR = 'src';

/** Globals that exist in Node but not in browsers or edge runtimes. */
export const NODE_GLOBALS: ReadonlySet<string> = new Set([
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'require',
  'module',
  'exports',
  'setImmediate',
  'clearImmediate',
]);

export interface NodeUse {
  kind: 'import' | 'global';
  /** The module specifier for imports, the expression for globals. */
  text: string;
  line: number;
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

const BINDINGS = [
  ts.isVariableDeclaration,
  ts.isParameter,
  ts.isFunctionDeclaration,
  ts.isClassDeclaration,
  ts.isImportSpecifier,
  ts.isImportClause,
  ts.isNamespaceImport,
  ts.isBindingElement,
];

/** The module specifiers a file imports, re-exports, requires or loads with import(). */
function importsOf(node: ts.Node): ts.StringLiteralLike | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    return node.moduleSpecifier;
  }
  if (ts.isCallExpression(node)) {
    const [first] = node.arguments;
    const loads =
      node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
    if (loads && first && ts.isStringLiteralLike(first)) return first;
  }
  return undefined;
}

function parse(source: string, file: string): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Node built-in imports and Node-only globals in one file's source, in source order. */
export function findNodeOnlyUses(source: string, file = 'source.ts'): NodeUse[] {
  const tree = parse(source, file);
  const declared = new Set<string>();
  const globals: ts.Identifier[] = [];
  const uses: Array<NodeUse & { at: number }> = [];
  const add = (kind: NodeUse['kind'], node: ts.Node, text: string) =>
    uses.push({ kind, text, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, at: node.getStart() });

  const visit = (node: ts.Node): void => {
    const specifier = importsOf(node);
    if (specifier && isNodeBuiltin(specifier.text)) add('import', specifier, specifier.text);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'globalThis') {
      if (NODE_GLOBALS.has(node.name.text)) add('global', node, node.getText());
    }
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isName = !ts.isShorthandPropertyAssignment(parent) && (parent as { name?: ts.Node }).name === node;
      if (isName && BINDINGS.some((is) => is(parent))) declared.add(node.text);
      else if (!isName) globals.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  for (const node of globals) if (!declared.has(node.text)) add('global', node, node.text);
  return uses.sort((a, b) => a.at - b.at).map(({ kind, text, line }) => ({ kind, text, line }));
}

/** Source files under src/, relative to the project root with forward slashes. */
export function sourceFiles(): string[] {
  return readdirSync(join(ROOT, SRC_DIR), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file))
    .map((file) => `${SRC_DIR}/${file.split('\\').join('/')}`)
    .sort();
}

export function readSource(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** Every src/ file reachable from `entry` through relative imports, `entry` included. */
export function reachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const files = new Set(sourceFiles());
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const found: string[] = [];
    const walk = (node: ts.Node): void => {
      const specifier = importsOf(node);
      if (specifier?.text.startsWith('.')) found.push(specifier.text);
      ts.forEachChild(node, walk);
    };
    walk(parse(readSource(file), file));
    for (const specifier of found) {
      const base = normalize(join(dirname(file), specifier)).split('\\').join('/');
      const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
      const target = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`].find((candidate) => files.has(candidate));
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen].sort();
}
