/** Read one answer given as a flag or in an answers file, checked against the field's choices. */
import type { FieldInfo, FieldValue } from '../catalog/types.js';
import { didYouMean } from '../source/suggest.js';
import { UserError } from '../errors.js';

export function allowedText(info: FieldInfo): string {
  if (info.kind === 'boolean') return 'true|false';
  const values = info.choices.map((c) => c.value).join('|');
  return info.kind === 'multi' ? `a comma-separated list of ${values}` : values;
}

/** `label` names where the value came from: `--ml-phase` or `answers.yml:4: ml.projectPhase`. */
export function parseFieldValue(info: FieldInfo, raw: unknown, label: string): FieldValue {
  const fail = (found: unknown): never => {
    const hint = typeof found === 'string' ? didYouMean(found, info.choices.map((c) => String(c.value))) : '';
    throw new UserError(`${label}: expected ${allowedText(info)}, found ${JSON.stringify(found)}${hint}`);
  };
  const allowed = info.choices.map((c) => String(c.value));
  switch (info.kind) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return fail(raw);
    case 'number':
      if (!allowed.includes(String(raw))) fail(raw);
      return Number(raw);
    case 'multi': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : fail(raw);
      for (const item of list) if (!allowed.includes(String(item))) fail(item);
      return [...new Set(list.map(String))];
    }
    default:
      if (typeof raw !== 'string' || !allowed.includes(raw)) return fail(raw);
      return raw;
  }
}
