/** Every valid combination of a project type's answers, as validated configs. */
import { typeFields, type ProjectType } from '../../src/config/project-types.js';
import { PROJECT_TYPES } from '../../src/config/project-types.js';
import { configSchema, type Config, type Methodology } from '../../src/config/schema.js';
import type { FieldInfo } from '../../src/config/fields.js';

function valuesOf(info: FieldInfo): unknown[] {
  if (info.kind === 'boolean') return [true, false];
  if (info.kind !== 'multi') return info.choices.map((c) => c.value);
  // Every subset of the choices, the empty one included.
  const values = info.choices.map((c) => c.value);
  return Array.from({ length: 2 ** values.length }, (_, mask) => values.filter((_, i) => mask & (1 << i)));
}

export function answerCombinations(type: ProjectType, methodology: Methodology = 'deep'): Config[] {
  let sections: Record<string, unknown>[] = [{}];
  for (const field of typeFields(type)) {
    sections = sections.flatMap((s) => valuesOf(field.info).map((v) => ({ ...s, [field.key]: v })));
  }
  const configs: Config[] = [];
  for (const section of sections) {
    const parsed = configSchema().safeParse({
      name: 'demo-project',
      projectType: type,
      methodology,
      [PROJECT_TYPES[type].key]: section,
    });
    if (parsed.success) configs.push(parsed.data as Config);
  }
  return configs;
}

/** A short label for a combination, for test names. */
export function describeAnswers(config: Config): string {
  const section = config[PROJECT_TYPES[config.projectType].key] as Record<string, unknown>;
  return Object.entries(section)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') || '[]' : v}`)
    .join(' ');
}
