/**
 * The one answer-resolution loop. For every question, in order:
 *   flag > --answers file > existing config.yml > prompt (terminal only) > default > error naming the flag.
 * The result is validated by the config schema before anything is written.
 */
import { defaultOf, projectTypes, type FieldValue } from '../catalog/types.js';
import { validateConfig } from '../config/load.js';
import { AGENT_IDS, CUSTOM_DEFAULT_DEPTH, DEFAULT_AGENTS, METHODOLOGIES, projectName, type Agent, type Config } from '../config/schema.js';
import { knownKeys, configSchema } from '../config/schema.js';
import type { Source } from '../source/source.js';
import { didYouMean } from '../source/suggest.js';
import { UserError } from '../errors.js';
import { parseFieldValue, allowedText } from './fields.js';
import type { TypeFlagAnswers } from './flags.js';
import type { Prompter } from './prompter.js';
import { askAgents, askCustomSelection, askField, askMethodology, askName, askDepth, askType, type SelectionChoices } from './wizard.js';

export interface Flags {
  type?: string;
  name?: string;
  methodology?: string;
  depth?: string;
  /** `--agents a,b`, `all` or `none`. */
  agents?: string;
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

/** The one precedence rule: flag > answers file > existing config > prompt (terminal only) > default. */
async function pick<T>(given: { flag?: T; file?: T; existing?: T }, ask: (() => Promise<T>) | undefined, fallback?: T): Promise<T | undefined> {
  return given.flag ?? given.file ?? given.existing ?? (ask ? await ask() : fallback);
}

export async function resolveAnswers(input: ResolveInput): Promise<Config> {
  const { flags, existing, prompter } = input;
  const file = readFileAnswers(input.file);
  const ask = <T>(question: (p: Prompter) => Promise<T>) => (prompter ? () => question(prompter) : undefined);

  // 1. The project type, which decides the other questions
  const types = projectTypes();
  const type = await pick<string>(
    { flag: checkType(flags.type) ?? flags.typeAnswers.type, file: file.projectType as string | undefined, existing: existing?.projectType },
    ask(askType),
  );
  if (!type) {
    throw new UserError(`--type is required without a terminal: pass --type ${types.ids.join('|')}, or run in a terminal for the wizard`);
  }
  const sameType = existing?.projectType === type ? existing : undefined;

  // 2. Name, methodology and (custom only) depth
  const folder = folderDefault(input.folderName);
  const name = await pick({ flag: flags.name, file: file.name === undefined ? undefined : String(file.name), existing: existing?.name }, ask((p) => askName(p, folder)), folder);
  const methodology = (await pick<string>({ flag: flags.methodology, file: file.methodology as string | undefined, existing: existing?.methodology }, ask(askMethodology), 'deep'))!;
  checkChoice('--methodology', methodology, Object.keys(METHODOLOGIES));
  if (flags.depth !== undefined && methodology !== 'custom') {
    throw new UserError(`--depth applies to methodology custom only (this project uses ${methodology}): add --methodology custom or drop --depth`);
  }
  const depth =
    methodology === 'custom'
      ? await pick<number | string>({ flag: flags.depth, file: file.depth as number | undefined, existing: existing?.methodology === 'custom' ? existing.depth : undefined }, ask(askDepth), CUSTOM_DEFAULT_DEPTH)
      : (file.depth as number | undefined);

  // 3. The type's own questions, in schema order (a later default may derive from an earlier answer)
  const key = types.get(type).key;
  const fromFile = (file[key] ?? {}) as Record<string, FieldValue>;
  const fromConfig = (sameType?.[key] ?? {}) as Record<string, FieldValue>;
  const section: Record<string, FieldValue> = {};
  const missing: string[] = [];
  for (const field of types.fields(type)) {
    const given = { flag: flags.typeAnswers.values.get(field.path), file: fromFile[field.key], existing: fromConfig[field.key] };
    const value = await pick(given, ask((p) => askField(p, field, section)), defaultOf(field.info, section));
    if (value === undefined) missing.push(`--${field.info.flag} is required for ${type} projects: pass --${field.info.flag} ${allowedText(field.info)}`);
    else section[field.key] = value;
  }
  if (missing.length > 0) throw new UserError(missing[0]!, missing.slice(1));

  // 4. Which coding agents get their files
  const agents = await pick<Agent[]>({ flag: parseAgents(flags.agents), file: file.agents as Agent[] | undefined, existing: existing?.agents }, ask(askAgents), DEFAULT_AGENTS);

  // 5. Validate the whole; for custom in the wizard, let the person toggle entries and suites
  const overlay = file.overlay ?? sameType?.overlay;
  const packs = file.packs ?? existing?.packs;
  const config = validateConfig({
    version: 1,
    name,
    projectType: type,
    methodology,
    ...(depth !== undefined && { depth: Number(depth) }),
    agents,
    [key]: section,
    ...(packs !== undefined && { packs }),
    ...(overlay !== undefined && { overlay }),
  });
  if (prompter && methodology === 'custom' && input.selectionChoices && !existing) {
    const toggled = await askCustomSelection(prompter, input.selectionChoices(config));
    return toggled ? validateConfig({ ...config, overlay: toggled }) : config;
  }
  return config;
}

/** A folder name made into a valid project name (`My Project` -> `my-project`). */
export function folderDefault(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '');
  return projectName().safeParse(name).success && name ? name : 'my-project';
}

/** `--agents`: a comma-separated list of agents, `all` or `none`. */
function parseAgents(flag: string | undefined): Agent[] | undefined {
  if (flag === undefined) return undefined;
  if (flag.trim() === 'all') return [...AGENT_IDS];
  if (flag.trim() === 'none') return [];
  const list = flag.split(',').map((a) => a.trim()).filter(Boolean);
  if (list.length === 0) throw new UserError(`--agents: expected a comma-separated list of ${AGENT_IDS.join(', ')}, or all, or none`);
  for (const agent of list) checkChoice('--agents', agent, [...AGENT_IDS, 'all', 'none']);
  return [...new Set(list)] as Agent[];
}

function checkType(type: string | undefined): string | undefined {
  if (type !== undefined) checkChoice('--type', type, projectTypes().ids);
  return type;
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
  const allowed = knownKeys(configSchema(), []);
  for (const key of Object.keys(data)) {
    if (!allowed.includes(key)) throw new UserError(`${where([key])}: unknown key${didYouMean(key, allowed)}`);
  }
  const types = projectTypes();
  if (data.projectType !== undefined) checkChoice(where(['projectType']), String(data.projectType), types.ids);
  const result: Record<string, unknown> = { ...data };
  for (const type of types.ids) {
    const key = types.get(type).key;
    const section = data[key];
    if (section === undefined) continue;
    if (typeof section !== 'object' || section === null) throw new UserError(`${where([key])}: expected a map of ${type} answers`);
    const fields = new Map(types.fields(type).map((f) => [f.key, f]));
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
