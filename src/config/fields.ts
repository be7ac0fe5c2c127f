/**
 * Declare each project-type question once. A field helper returns what the CLI and the wizard
 * need to know about it (flag, question, help per choice, default), and `fieldSchema` makes the
 * zod schema from the same declaration, so flags, wizard questions, help text, validation and
 * JSON Schema all follow from it. Declarations are plain data: commander needs every type's
 * flags on every run, while zod schemas are built only for the type being validated.
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
export function choice<const K extends string>(help: Record<K, string>, opts: Common<NoInfer<K>>): FieldInfo {
  return { kind: 'choice', ...(opts as Common<FieldValue>), choices: toChoices(help), required: isRequired(opts) };
}

/** One value out of a fixed list of numbers (manifest versions). */
export function numberChoice<const K extends number>(help: Record<K, string>, opts: Common<NoInfer<K>>): FieldInfo {
  return { kind: 'number', ...(opts as Common<FieldValue>), choices: toChoices(help, true), required: isRequired(opts) };
}

/** Several values out of a fixed list (flag form: `a,b`). */
export function multiChoice<const K extends string>(help: Record<K, string>, opts: Common<NoInfer<K>[]>): FieldInfo {
  return { kind: 'multi', ...(opts as Common<FieldValue>), choices: toChoices(help), required: isRequired(opts) };
}

/** A yes/no answer (flag form: `--x` / `--no-x`). */
export function yesNo(opts: Common<boolean>): FieldInfo {
  return { kind: 'boolean', ...(opts as Common<FieldValue>), choices: [], required: isRequired(opts) };
}

function isRequired(opts: Common<unknown>): boolean {
  return opts.default === undefined && opts.derive === undefined;
}

/**
 * The zod schema of one field. A derived default cannot be a zod default (it depends on sibling
 * fields), so such fields are optional here and filled in by the section's transform (see
 * `sectionSchema` in project-types.ts).
 */
export function fieldSchema(info: FieldInfo): z.ZodType {
  const values = info.choices.map((c) => c.value);
  const base: z.ZodType =
    info.kind === 'boolean'
      ? z.boolean()
      : info.kind === 'number'
        ? z.literal(values as [number, ...number[]])
        : info.kind === 'multi'
          ? z.array(z.enum(values as [string, ...string[]]))
          : z.enum(values as [string, ...string[]]);
  const described = base.describe(info.question);
  if (info.default !== undefined) return described.default(info.default);
  return info.derive ? described.optional() : described;
}
