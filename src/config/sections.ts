/**
 * The zod schema of one project type's answers (its config.yml section), derived from the
 * type's file (src/catalog/types.ts): each field's allowed values and default, the defaults that
 * depend on earlier answers, and the rules across fields.
 */
import * as z from '../schema-library.js';
import { brokenRules, defaultOf, projectTypes, type FieldInfo, type SectionAnswers } from '../catalog/types.js';
import { oncePerKey } from '../once.js';

/**
 * The zod schema of one field. A default that depends on other answers cannot be a zod default,
 * so such fields are optional here and filled in by the section's transform.
 */
function fieldSchema(info: FieldInfo): z.ZodMiniType {
  const values = info.choices.map((c) => c.value);
  const base: z.ZodMiniType =
    info.kind === 'boolean'
      ? z.boolean()
      : info.kind === 'number'
        ? z.literal(values as [number, ...number[]])
        : info.kind === 'multi'
          ? z.array(z.enum(values as [string, ...string[]]))
          : z.enum(values as [string, ...string[]]);
  const described = base.check(z.describe(info.question));
  if (info.defaultWhen) return z.optional(described);
  return info.default !== undefined ? z._default(described, info.default) : described;
}

/**
 * The schema of one type's answers, built on first use: a run validates one type, and building
 * all of them costs more than the rest of the validation.
 */
export const sectionSchema = oncePerKey((type: string): z.ZodMiniType<SectionAnswers> => {
  const def = projectTypes().get(type);
  const shape = Object.fromEntries(Object.entries(def.fields).map(([key, info]) => [key, fieldSchema(info)]));
  return z.pipe(
    z.strictObject(shape),
    z.transform((value, ctx) => {
      const answers = { ...value } as SectionAnswers;
      // Defaults are filled in declaration order, so a field may depend on earlier ones.
      for (const [key, info] of Object.entries(def.fields)) {
        if (answers[key] === undefined) {
          const fallback = defaultOf(info, answers);
          if (fallback !== undefined) answers[key] = fallback;
        }
      }
      for (const rule of brokenRules(def, answers)) {
        ctx.issues.push({ code: 'custom', message: rule.message, path: [rule.field], input: answers[rule.field] });
      }
      return answers;
    }),
  );
});
