/**
 * The one answer-resolution loop. For every question, in order:
 *   flag > --answers file > existing config.yml > prompt (terminal only) > default > error naming the flag.
 * The result is validated by the config schema before anything is written.
 */
import type { FieldInfo, FieldValue } from '../config/fields.js';
import { validateConfig } from '../config/load.js';
import { PROJECT_TYPE_IDS, PROJECT_TYPES, typeFields, type ProjectType } from '../config/project-types.js';
import { CUSTOM_DEFAULT_DEPTH, METHODOLOGIES, projectName, type Config, type Methodology } from '../config/schema.js';
import { knownKeys, configSchema } from '../config/schema.js';
import { didYouMean } from '../config/suggest.js';
import type { Source } from '../config/yaml-source.js';
import { UserError } from '../errors.js';
import { parseFieldValue, allowedText } from './fields.js';
import type { TypeFlagAnswers } from './flags.js';
import type { Prompter } from './prompter.js';
import { askCustomSelection, askField, askMethodology, askName, askDepth, askType, type SelectionChoices } from './wizard.js';

export interface Flags {
  type?: string;
  name?: string;
  methodology?: string;
  depth?: string;
  typeAnswers: TypeFlagAnswers;
}

export interface ResolveInput {
  flags: Flags;
  /** `--answers <file>`, config-shaped and possibly partial. */
  file?: Source;
  /** The project's config.yml when it already has one. */
  existing?: Config;
  /** Present only when a person is at a terminal and may be asked. */
  prompter?: Prompter;
  /** The folder name, the default project name. */
  folderName: string;
  /** For custom: what the person may toggle, given the answers so far. */
  selectionChoices?: (config: Config) => SelectionChoices;
}

export async function resolveAnswers(input: ResolveInput): Promise<Config> {
  const { flags, existing, prompter } = input;
  const file = readFileAnswers(input.file);
  const type = checkType(flags.type) ?? flags.typeAnswers.type ?? (file.projectType as ProjectType | undefined) ??
    existing?.projectType ?? (prompter ? await askType(prompter) : undefined);
  if (!type) {
    throw new UserError(`--type is required without a terminal: pass --type ${PROJECT_TYPE_IDS.join('|')}, or run in a terminal for the wizard`);
  }
  const sameType = existing?.projectType === type ? existing : undefined;
  const fileName = file.name === undefined ? undefined : String(file.name);
  const name = flags.name ?? fileName ?? existing?.name ?? (prompter ? await askName(prompter, folderDefault(input.folderName)) : folderDefault(input.folderName));
  const methodology = (flags.methodology ?? (file.methodology as string | undefined) ?? existing?.methodology ??
    (prompter ? await askMethodology(prompter) : 'deep')) as Methodology;
  checkChoice('--methodology', methodology, Object.keys(METHODOLOGIES));
  if (flags.depth !== undefined && methodology !== 'custom') {
    throw new UserError(`--depth applies to methodology custom only (this project uses ${methodology}): add --methodology custom or drop --depth`);
  }
  const depth = methodology !== 'custom'
    ? flags.depth ?? file.depth
    : flags.depth ?? file.depth ?? (existing?.methodology === 'custom' ? existing.depth : undefined) ??
      (prompter ? await askDepth(prompter) : CUSTOM_DEFAULT_DEPTH);

  const key = PROJECT_TYPES[type].key;
  const fromFile = (file[key] ?? {}) as Record<string, FieldValue>;
  const fromConfig = (sameType?.[key] ?? {}) as Record<string, FieldValue>;
  const section: Record<string, FieldValue> = {};
  const missing: string[] = [];
  for (const field of typeFields(type)) {
    const value = flags.typeAnswers.values.get(field.path) ?? fromFile[field.key] ?? fromConfig[field.key] ??
      (prompter ? await askField(prompter, field, section) : defaultOf(field.info, section));
    if (value === undefined) missing.push(`--${field.info.flag} is required for ${type} projects: pass --${field.info.flag} ${allowedText(field.info)}`);
    else section[field.key] = value;
  }
  if (missing.length > 0) throw new UserError(missing[0]!, missing.slice(1));

  const config = validateConfig({
    version: 1,
    name,
    projectType: type,
    methodology,
    ...(depth !== undefined && { depth: Number(depth) }),
    [key]: section,
    ...((file.overlay ?? sameType?.overlay) !== undefined && { overlay: file.overlay ?? sameType?.overlay }),
  });
  if (prompter && methodology === 'custom' && input.selectionChoices && !existing) {
    const overlay = await askCustomSelection(prompter, input.selectionChoices(config));
    return overlay ? validateConfig({ ...config, overlay }) : config;
  }
  return config;
}

function defaultOf(info: FieldInfo, answers: Record<string, FieldValue>): FieldValue | undefined {
  return info.default ?? info.derive?.(answers);
}

/** A folder name made into a valid project name (`My Project` -> `my-project`). */
export function folderDefault(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  return projectName.safeParse(name).success && name ? name : 'my-project';
}

function checkType(type: string | undefined): ProjectType | undefined {
  if (type !== undefined) checkChoice('--type', type, PROJECT_TYPE_IDS);
  return type as ProjectType | undefined;
}

function checkChoice(flag: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    throw new UserError(`${flag}: expected ${allowed.join('|')}, found ${JSON.stringify(value)}${didYouMean(value, allowed)}`);
  }
}

/** The answers file, each value checked where it stands so errors can give its line. */
function readFileAnswers(source: Source | undefined): Record<string, unknown> {
  if (!source) return {};
  const data = source.data as Record<string, unknown>;
  const where = (path: PropertyKey[]) => `${source.file}:${source.lineOf(path) ?? 1}: ${path.join('.')}`;
  const allowed = knownKeys(configSchema, []);
  for (const key of Object.keys(data)) {
    if (!allowed.includes(key)) throw new UserError(`${where([key])}: unknown key${didYouMean(key, allowed)}`);
  }
  if (data.projectType !== undefined) checkChoice(where(['projectType']), String(data.projectType), PROJECT_TYPE_IDS);
  const result: Record<string, unknown> = { ...data };
  for (const type of PROJECT_TYPE_IDS) {
    const key = PROJECT_TYPES[type].key;
    const section = data[key];
    if (section === undefined) continue;
    if (typeof section !== 'object' || section === null) throw new UserError(`${where([key])}: expected a map of ${type} answers`);
    const fields = new Map(typeFields(type).map((f) => [f.key, f]));
    const parsed: Record<string, FieldValue> = {};
    for (const [k, raw] of Object.entries(section)) {
      const field = fields.get(k);
      if (!field) throw new UserError(`${where([key, k])}: unknown key${didYouMean(k, fields.keys())}`);
      parsed[k] = parseFieldValue(field.info, raw, where([key, k]));
    }
    result[key] = parsed;
  }
  return result;
}
