/** Every valid combination of a project type's answers, as validated configs; and the types' examples. */
import { projectTypes, type FieldInfo } from '../../src/catalog/types.js';
import { configSchema, type Config, type Methodology } from '../../src/config/schema.js';

function valuesOf(info: FieldInfo): unknown[] {
  if (info.kind === 'boolean') return [true, false];
  if (info.kind !== 'multi') return info.choices.map((c) => c.value);
  // Every subset of the choices, the empty one included.
  const values = info.choices.map((c) => c.value);
  return Array.from({ length: 2 ** values.length }, (_, mask) => values.filter((_, i) => mask & (1 << i)));
}

export function answerCombinations(type: string, methodology: Methodology = 'deep'): Config[] {
  const types = projectTypes();
  let sections: Record<string, unknown>[] = [{}];
  for (const field of types.fields(type)) {
    sections = sections.flatMap((s) => valuesOf(field.info).map((v) => ({ ...s, [field.key]: v })));
  }
  const configs: Config[] = [];
  for (const section of sections) {
    const parsed = configSchema().safeParse({ name: 'demo-project', projectType: type, methodology, [types.get(type).key]: section });
    if (parsed.success) configs.push(parsed.data as Config);
  }
  return configs;
}

/**
 * A type's example answers (content/types/<type>.yml), as config data; the first is its golden
 * project. Answers in `extra`'s section (`{ ml: { servingPattern: 'batch' } }`) replace the example's.
 */
export function exampleConfig(type: string, index = 0, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const def = projectTypes().get(type);
  return { name: 'golden-project', projectType: type, ...extra, [def.key]: { ...def.examples[index], ...(extra[def.key] as object) } };
}

/** A short label for a combination, for test names. */
export function describeAnswers(config: Config): string {
  const section = config[projectTypes().get(config.projectType).key] as Record<string, unknown>;
  return Object.entries(section)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') || '[]' : v}`)
    .join(' ');
}
