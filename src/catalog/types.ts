/**
 * The project types: one plain-data file each, content/types/<type>.yml, holding the type's
 * questions (in wizard order, with help per choice and defaults), the rules across them and
 * example answers. Flags, wizard questions, config.yml validation, the JSON Schema, the test
 * matrices and the README's tables all derive from these files. Adding a type means adding one
 * file here, one overlay, its knowledge and its suites (README "Adding a project type").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../schema-library.js';
import { once } from '../once.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { formatIssues } from '../source/problems.js';
import { parseYamlSource } from '../source/source.js';
import { fromBuild } from './built.js';
import { matches, type Condition, type Scalar } from './conditions.js';

export const TYPES_DIR = 'content/types';

export type FieldValue = string | number | boolean | string[];
/** The answers of one project type's section, e.g. `{ projectPhase: 'both', ... }`. */
export type SectionAnswers = Record<string, FieldValue>;

export interface Choice {
  value: string | number;
  help: string;
}

export interface FieldInfo {
  kind: 'choice' | 'number' | 'multi' | 'boolean';
  /** CLI flag without dashes, e.g. `ml-phase`; booleans also get `--no-<flag>`. */
  flag: string;
  /** Wizard question; also the flag's help. */
  question: string;
  choices: Choice[];
  /** Required fields have no default: without a terminal they must come from a flag. */
  required: boolean;
  default?: FieldValue;
  /** Defaults that depend on earlier answers (ml serving: none for training), tried first. */
  defaultWhen?: { if: Condition; value: FieldValue }[];
}

/** A rule across answers: when `if` holds, `then` must hold too; else `message`, at `field`. */
export interface TypeRule {
  if: Condition;
  then: Condition;
  field: string;
  message: string;
}

export interface ProjectTypeDef {
  id: string;
  /** The config.yml section: the id in camelCase (`data-pipeline` -> `dataPipeline`). */
  key: string;
  title: string;
  description: string;
  /** python: Python package names (snake_case) and pytest; typescript: npm names; mixed: per platform. */
  stack: 'python' | 'typescript' | 'mixed';
  fields: Record<string, FieldInfo>;
  rules: TypeRule[];
  /** Representative answers: the golden projects and the test matrices start from them. */
  examples: SectionAnswers[];
}

export interface TypeField {
  /** Key inside the type's section, e.g. `projectPhase`. */
  key: string;
  /** Config path, e.g. `ml.projectPhase`. */
  path: string;
  type: string;
  info: FieldInfo;
}

/** The default of a field given the answers before it. */
export function defaultOf(info: FieldInfo, answers: SectionAnswers): FieldValue | undefined {
  return info.defaultWhen?.find((d) => matches(d.if, (key) => answers[key]))?.value ?? info.default;
}

/** The rules these answers break, each with the field it concerns. */
export function brokenRules(def: ProjectTypeDef, answers: SectionAnswers): TypeRule[] {
  const at = (key: string) => answers[key];
  return def.rules.filter((rule) => matches(rule.if, at) && !matches(rule.then, at));
}

// ---- The file format --------------------------------------------------------------------------

/**
 * The type file's schema, built on first use: a run of the built package reads the types the
 * build checked (built.ts) and never needs it.
 */
const typeFormat = once(() => {
  const scalar = z.union([z.string(), z.number(), z.boolean()]);
  const condition = z.record(z.string(), z.union([scalar, z.array(scalar)]));
  const fieldFormat = z.strictObject({
    flag: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
    question: z.string().check(z.minLength(5)),
    type: z._default(z.enum(['choice', 'number', 'multi', 'boolean']), 'choice'),
    choices: z.optional(z.record(z.string(), z.string().check(z.minLength(3)))),
    default: z.optional(z.union([scalar, z.array(z.string())])),
    'default-when': z.optional(z.array(z.strictObject({ if: condition, value: z.union([scalar, z.array(z.string())]) }))),
  });
  return z.strictObject({
    title: z.string().check(z.minLength(2)),
    description: z.string().check(z.minLength(10)),
    stack: z.enum(['python', 'typescript', 'mixed']),
    fields: z.record(z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/)), fieldFormat),
    rules: z._default(z.array(z.strictObject({ if: condition, then: condition, field: z.optional(z.string()), message: z.string().check(z.minLength(10)) })), []),
    examples: z.array(z.record(z.string(), z.union([scalar, z.array(z.string())]))).check(z.minLength(1)),
  });
});

const camelCase = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A type file parsed and checked; the build stores the result (built.ts). */
export function checkTypeFile(text: string, file: string, id: string): ProjectTypeDef {
  const source = parseYamlSource(text, file);
  const result = typeFormat().safeParse(source.data, { reportInput: true });
  if (!result.success) throw new Error(formatIssues(result.error.issues, source).join('; '));
  const data = result.data;
  const fields: Record<string, FieldInfo> = {};
  for (const [key, f] of Object.entries(data.fields)) {
    const choices = Object.entries(f.choices ?? {}).map(([value, help]) => ({ value: f.type === 'number' ? Number(value) : value, help }));
    if (f.type !== 'boolean' && choices.length < 2) throw new Error(`${file}: fields.${key} needs at least two choices`);
    const required = f.default === undefined && f['default-when'] === undefined;
    fields[key] = {
      kind: f.type,
      flag: f.flag,
      question: f.question,
      choices,
      required,
      ...(f.default !== undefined && { default: f.default }),
      ...(f['default-when'] && { defaultWhen: f['default-when'] }),
    };
  }
  const rules = data.rules.map((r) => ({ if: r.if, then: r.then, field: r.field ?? Object.keys(r.then)[0]!, message: r.message }));
  const def: ProjectTypeDef = { id, key: camelCase(id), title: data.title, description: data.description, stack: data.stack, fields, rules, examples: data.examples };
  const problems = semanticProblems(def);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return def;
}

/** What the format cannot say: defaults, conditions and examples use this type's own fields and values. */
function semanticProblems(def: ProjectTypeDef): string[] {
  const problems: string[] = [];
  const allowed = (info: FieldInfo): Scalar[] => (info.kind === 'boolean' ? [true, false] : info.choices.map((c) => c.value));
  const checkValue = (where: string, key: string, value: unknown) => {
    const info = def.fields[key];
    if (!info) return problems.push(`${where}: ${key} is not a field of ${def.id}`);
    for (const v of [value].flat()) if (!allowed(info).includes(v as Scalar)) problems.push(`${where}: ${key} is never ${JSON.stringify(v)}`);
  };
  const checkCondition = (where: string, cond: Condition) => Object.entries(cond).forEach(([k, v]) => checkValue(where, k, v));
  for (const [key, info] of Object.entries(def.fields)) {
    if (info.default !== undefined) checkValue(`fields.${key}.default`, key, info.default);
    info.defaultWhen?.forEach((d, i) => {
      checkCondition(`fields.${key}.default-when.${i}`, d.if);
      checkValue(`fields.${key}.default-when.${i}`, key, d.value);
    });
  }
  def.rules.forEach((r, i) => {
    checkCondition(`rules.${i}.if`, r.if);
    checkCondition(`rules.${i}.then`, r.then);
    if (!def.fields[r.field]) problems.push(`rules.${i}.field: ${r.field} is not a field of ${def.id}`);
  });
  def.examples.forEach((e, i) => Object.entries(e).forEach(([k, v]) => checkValue(`examples.${i}`, k, v)));
  return problems;
}

// ---- The list ---------------------------------------------------------------------------------

export interface TypeList {
  /** In file-name order. */
  ids: string[];
  has(id: unknown): boolean;
  get(id: string): ProjectTypeDef;
  /** One type's questions, in the order the wizard asks them. */
  fields(id: string): TypeField[];
  /** Every type's questions. */
  all: TypeField[];
  /** The question at a config path such as `ml.servingPattern`. */
  field(path: string): TypeField | undefined;
}

export function typeList(defs: ProjectTypeDef[]): TypeList {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const fieldsOf = (def: ProjectTypeDef): TypeField[] =>
    Object.entries(def.fields).map(([key, info]) => ({ key, path: `${def.key}.${key}`, type: def.id, info }));
  const all = defs.flatMap(fieldsOf);
  const byPath = new Map(all.map((f) => [f.path, f]));
  return {
    ids: defs.map((d) => d.id),
    has: (id) => typeof id === 'string' && byId.has(id),
    get(id) {
      const def = byId.get(id);
      if (!def) throw new Error(`no project type ${id}`);
      return def;
    },
    fields: (id) => fieldsOf(byId.get(id)!),
    all,
    field: (path) => byPath.get(path),
  };
}

/** The types this Scaffold ships, read on first use. */
export const projectTypes = once((): TypeList => {
  const dir = join(PACKAGE_ROOT, TYPES_DIR);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
  return typeList(
    files.map((f) => {
      const source = `${TYPES_DIR}/${f}`;
      return fromBuild(source, 'data', () => readFileSync(join(dir, f), 'utf8'), (text) => checkTypeFile(text, source, f.slice(0, -4)));
    }),
  );
});
