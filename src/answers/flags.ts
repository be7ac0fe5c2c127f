/** The per-type answer flags (`--ml-phase`, `--no-ext-content-script`, ...), generated from the schema. */
import { Option, type Command } from 'commander';
import { projectTypes, type FieldValue, type TypeField } from '../catalog/types.js';
import { UserError } from '../errors.js';
import { allowedText, parseFieldValue } from './fields.js';

/** `--type` (init only) and one flag per answer of every type, grouped by type in the help. */
export function addTypeFlags(command: Command): void {
  const types = projectTypes();
  if (command.name() === 'init') command.addOption(new Option('--type <type>', `project type (${types.ids.join('|')})`));
  for (const field of types.all) {
    const { info } = field;
    const group = `${field.type} answers (each implies --type ${field.type}):`;
    if (info.kind === 'boolean') {
      command.addOption(new Option(`--${info.flag}`, info.question).helpGroup(group));
      command.addOption(new Option(`--no-${info.flag}`, `answer no to: ${info.question}`).helpGroup(group));
      continue;
    }
    const arg = info.kind === 'multi' ? '<list>' : '<value>';
    const help = `${info.question} (${allowedText(info)}${info.default !== undefined ? `; default ${info.default}` : ''})`;
    command.addOption(new Option(`--${info.flag} ${arg}`, help).helpGroup(group));
  }
}

export interface TypeFlagAnswers {
  /** The type the flags imply, if any were given. */
  type?: string;
  /** Answers by config path, e.g. `ml.projectPhase`. */
  values: Map<string, FieldValue>;
}

/** Read the type flags commander parsed; a flag implies its type and two types cannot be mixed. */
export function readTypeFlags(options: Record<string, unknown>, typeOption: string | undefined): TypeFlagAnswers {
  const given: [TypeField, unknown][] = [];
  for (const field of projectTypes().all) {
    const value = options[camel(field.info.flag)];
    if (value !== undefined) given.push([field, value]);
  }
  const types = [...new Set(given.map(([f]) => f.type))];
  if (types.length > 1) {
    const flags = types.map((t) => `--${given.find(([f]) => f.type === t)![0].info.flag} (${t})`);
    throw new UserError(`${flags.join(' and ')} are for different project types: pass the flags of one type only`);
  }
  const implied = types[0];
  if (implied && typeOption && implied !== typeOption) {
    const flag = given[0]![0].info.flag;
    throw new UserError(`--${flag} is for ${implied} projects, but --type is ${typeOption}: drop one of them`);
  }
  const values = new Map<string, FieldValue>();
  for (const [field, raw] of given) values.set(field.path, parseFieldValue(field.info, raw, `--${field.info.flag}`));
  return { type: implied, values };
}

/** A flag's name as commander names its option: `ml-phase` -> `mlPhase`. */
export function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
