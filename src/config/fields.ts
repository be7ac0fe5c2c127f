/**
 * Declare each project-type question once. A field helper returns a zod schema and registers
 * what the CLI and the wizard need to know about it (flag, question, help per choice, default),
 * so flags, wizard questions, help text and JSON Schema all come from the same declaration.
 */
import * as z from 'zod';

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
  /** A default computed from the other answers (e.g. ml serving pattern from the phase). */
  derive?: (answers: SectionAnswers) => FieldValue;
}

/** What each field helper declared, keyed by the schema it returned. */
const fieldInfo = new WeakMap<z.ZodType, FieldInfo>();

function registered<T extends z.ZodType>(schema: T, info: FieldInfo): T {
  fieldInfo.set(schema, info);
  return schema;
}

interface Common<T> {
  flag: string;
  question: string;
  default?: T;
  derive?: (answers: SectionAnswers) => T;
}

function toChoices(help: Record<string, string>, asNumber = false): Choice[] {
  return Object.entries(help).map(([value, text]) => ({ value: asNumber ? Number(value) : value, help: text }));
}

/** One value out of a fixed list of strings; `help` maps each value to its one-line help. */
export function choice<const K extends string>(help: Record<K, string>, opts: Common<NoInfer<K>>) {
  const values = Object.keys(help) as [K, ...K[]];
  const base = z.enum(values).describe(opts.question);
  const info: FieldInfo = { kind: 'choice', ...opts, choices: toChoices(help), required: isRequired(opts) };
  return registered(withDefault(base, opts), info);
}

/** One value out of a fixed list of numbers (manifest versions). */
export function numberChoice<const K extends number>(help: Record<K, string>, opts: Common<NoInfer<K>>) {
  const values = Object.keys(help).map(Number) as [K, ...K[]];
  const base = z.literal(values).describe(opts.question);
  const info: FieldInfo = { kind: 'number', ...opts, choices: toChoices(help, true), required: isRequired(opts) };
  return registered(withDefault(base, opts), info);
}

/** Several values out of a fixed list (flag form: `a,b`). */
export function multiChoice<const K extends string>(help: Record<K, string>, opts: Common<NoInfer<K>[]>) {
  const values = Object.keys(help) as [K, ...K[]];
  const base = z.array(z.enum(values)).describe(opts.question);
  const info: FieldInfo = { kind: 'multi', ...opts, choices: toChoices(help), required: isRequired(opts) };
  return registered(withDefault(base, opts), info);
}

/** A yes/no answer (flag form: `--x` / `--no-x`). */
export function yesNo(opts: Common<boolean>) {
  const info: FieldInfo = { kind: 'boolean', ...opts, choices: [], required: isRequired(opts) };
  return registered(withDefault(z.boolean().describe(opts.question), opts), info);
}

function isRequired(opts: Common<unknown>): boolean {
  return opts.default === undefined && opts.derive === undefined;
}

// A derived default cannot be a zod default (it depends on sibling fields), so such fields are
// optional here and filled in by the section's transform (see `section` in project-types.ts).
function withDefault<T extends z.ZodType>(schema: T, opts: Common<unknown>) {
  if (opts.default !== undefined) return schema.default(opts.default as never) as unknown as T;
  if (opts.derive) return schema.optional() as unknown as T;
  return schema;
}

/** The registered info of a section's fields, in declaration order. */
export function fieldsOf(shape: Record<string, z.ZodType>): [string, FieldInfo][] {
  return Object.entries(shape).map(([key, schema]) => {
    const info = fieldInfo.get(schema);
    if (!info) throw new Error(`field ${key} was declared without a field helper`);
    return [key, info];
  });
}
