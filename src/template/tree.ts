/**
 * The tree a template runs as. Scaffold's templates are Handlebars; parse.ts turns Handlebars'
 * parse of a template into this tree (at build time for shipped files, src/build/, or on the
 * spot for a file changed since the build or a project's own content), and run.ts walks it.
 */
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

