/**
 * The one answer-resolution loop. For every question, in order:
 *   flag > --answers file > existing config.yml > earlier wizard answer > prompt (terminal only) > default > error naming the flag.
 * The result is validated by the config schema before anything is written.
 */
import { CUSTOM_DEFAULT_DEPTH, DEPTH_NAMES, depthFlag, type Depth } from '../catalog/depth.js';
import { brokenRules, defaultOf, projectTypes, type FieldValue, type TypeRule } from '../catalog/types.js';
import { validateConfig } from '../config/load.js';
import { AGENT_IDS, DEFAULT_AGENTS, METHODOLOGIES, projectName, REFRESH, type Agent, type Config, type Refresh } from '../config/schema.js';
import { knownKeys, configSchema } from '../config/schema.js';
import { locateIn } from '../source/problems.js';
import type { Source } from '../source/source.js';
import { didYouMean } from '../source/suggest.js';
import { UserError } from '../errors.js';
import { parseFieldValue, allowedText } from './fields.js';
import type { TypeFlagAnswers } from './flags.js';
import type { Prompter } from './prompter.js';
import { accepts, askAgents, askRefresh, askCustomSelection, askField, askMethodology, askName, askDepth, askType, reviewAnswers, type Answered, type SelectionChoices } from './wizard.js';

export interface Flags {
  type?: string;
  name?: string;
  methodology?: string;
  depth?: string;
  /** `--agents a,b`, `all` or `none`. */
  agents?: string;
  /** `--refresh weekly|daily|monthly|off`. */
  refresh?: string;
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
  /** The wizard: the folder set up, shown first. */
  target?: string;
  /** The wizard: what the answers would write, shown in the summary before the confirm. */
  preview?: (config: Config) => string[];
  /** Where a warning goes (an old depth number given with --depth); once per run. */
  warnings?: string[];
}

/** Where an answer came from; a problem with it is told in those terms (the flag, the file line). */
type From = 'flag' | 'file' | 'existing' | 'answered' | 'prompt' | 'default';

/** The one precedence rule: flag > answers file > existing config > earlier wizard answer > prompt (terminal only) > default. */
async function pick<T>(
  given: { flag?: T; file?: T; existing?: T; answered?: T },
  ask: (() => Promise<T>) | undefined,
  fallback?: T,
): Promise<{ value: T | undefined; from: From }> {
  for (const from of ['flag', 'file', 'existing', 'answered'] as const) {
    if (given[from] !== undefined) return { value: given[from], from };
  }
  return ask ? { value: await ask(), from: 'prompt' } : { value: fallback, from: 'default' };
}

/**
 * The answers, from every source in precedence order. In a terminal on a new project this is the
 * wizard: the target folder first, every question (each cross-field rule checked as soon as its
 * answers are in), then a summary and a confirm that can go back to change any answer.
 */
export async function resolveAnswers(given: ResolveInput): Promise<Config> {
  // The flag is read once, so an old number is warned about once however often the wizard loops.
  const input = { ...given, flags: { ...given.flags, depth: checkDepth(given.flags.depth, given.warnings ?? []) } };
  const { prompter } = input;
  if (!prompter || input.existing) return resolveOnce(input);
  prompter.note(`Setting up ${input.target ?? input.folderName}`);
  let answered: Answered = {};
  for (;;) {
    const config = await resolveOnce({ ...input, answered });
    const review = await reviewAnswers(prompter, config, input.preview?.(config) ?? []);
    if (review.write) return config;
    answered = review.keep;
  }
}

async function resolveOnce(input: ResolveInput & { answered?: Answered }): Promise<Config> {
  const { flags, existing, prompter } = input;
  const answered = input.answered ?? {};
  const file = readFileAnswers(input.file);
  const ask = <T>(question: (p: Prompter) => Promise<T>) => (prompter ? () => question(prompter) : undefined);
  const origins = new Map<string, From>();
  const take = <T>(path: string, picked: { value: T | undefined; from: From }): T | undefined => {
    origins.set(path, picked.from);
    return picked.value;
  };

  // 1. The project type, which decides the other questions
  const types = projectTypes();
  const type = take('projectType', await pick<string>(
    { flag: checkType(flags.type) ?? flags.typeAnswers.type, file: file.projectType as string | undefined, existing: existing?.projectType, answered: answered.projectType },
    ask(askType),
  ));
  if (!type) {
    throw new UserError(`--type is required without a terminal: pass --type ${types.ids.join('|')}, or run in a terminal for the wizard`);
  }
  const sameType = existing?.projectType === type ? existing : undefined;

  // 2. Name, methodology and (custom only) depth
  const folder = folderDefault(input.folderName);
  if (flags.name !== undefined) checkName(flags.name);
  const name = take('name', await pick({ flag: flags.name, file: file.name === undefined ? undefined : String(file.name), existing: existing?.name, answered: answered.name }, ask((p) => askName(p, folder)), folder));
  const methodology = take('methodology', await pick<string>({ flag: flags.methodology, file: file.methodology as string | undefined, existing: existing?.methodology, answered: answered.methodology }, ask(askMethodology), 'deep'))!;
  checkChoice('--methodology', methodology, Object.keys(METHODOLOGIES));
  if (flags.depth !== undefined && methodology !== 'custom') {
    throw new UserError(`--depth applies to methodology custom only (this project uses ${methodology}): add --methodology custom or drop --depth`);
  }
  const depth =
    methodology === 'custom'
      ? take('depth', await pick<Depth>(
          { flag: flags.depth as Depth | undefined, file: file.depth as Depth | undefined, existing: existing?.methodology === 'custom' ? existing.depth : undefined, answered: answered.depth },
          ask(askDepth),
          CUSTOM_DEFAULT_DEPTH,
        ))
      : (file.depth as Depth | undefined);

  // 3. The type's own questions, in schema order (a later default may derive from an earlier answer)
  const key = types.get(type).key;
  const fromFile = (file[key] ?? {}) as Record<string, FieldValue>;
  const fromConfig = (sameType?.[key] ?? {}) as Record<string, FieldValue>;
  const fromWizard = (answered.projectType === type ? answered.section ?? {} : {}) as Record<string, FieldValue>;
  const section = await typeAnswers(input, type, { flags: flags.typeAnswers, file: fromFile, existing: fromConfig, answered: fromWizard }, origins);

  // 4. Which coding agents get their files
  const agents = take('agents', await pick<Agent[]>({ flag: parseAgents(flags.agents), file: file.agents as Agent[] | undefined, existing: existing?.agents, answered: answered.agents }, ask(askAgents), DEFAULT_AGENTS));

  // 5. How often a pull request brings a newer Scaffold (unset: the methodology decides)
  if (flags.refresh !== undefined) checkChoice('--refresh', flags.refresh, Object.keys(REFRESH));
  const refresh = take('refresh', await pick<Refresh | undefined>(
    { flag: flags.refresh as Refresh | undefined, file: file.refresh as Refresh | undefined, existing: existing?.refresh, answered: answered.refresh },
    ask((p) => askRefresh(p, methodology)),
  ));

  // 6. Validate the whole; for custom in the wizard, let the person toggle entries and suites
  const overlay = file.overlay ?? sameType?.overlay ?? answered.overlay;
  const packs = file.packs ?? existing?.packs;
  const locate = (path: PropertyKey[]) => {
    const from = origins.get(path.slice(0, 2).join('.')) ?? origins.get(String(path[0]));
    const field = path.length > 1 ? types.fields(type).find((f) => f.path === path.slice(0, 2).join('.')) : undefined;
    if (from === 'flag') return field ? `--${field.info.flag}` : `--${String(path[0])}`;
    return locateIn(from === 'file' || path[0] === 'overlay' || path[0] === 'packs' ? input.file : undefined)(path);
  };
  const config = validateConfig({
    version: 1,
    name,
    projectType: type,
    methodology,
    ...(depth !== undefined && { depth }),
    agents,
    ...(refresh !== undefined && { refresh }),
    [key]: section,
    ...(packs !== undefined && { packs }),
    ...(overlay !== undefined && { overlay }),
  }, locate);
  if (prompter && methodology === 'custom' && input.selectionChoices && !existing && !answered.overlayChosen) {
    const toggled = await askCustomSelection(prompter, input.selectionChoices(config));
    return toggled ? validateConfig({ ...config, overlay: toggled }) : config;
  }
  return config;
}

interface GivenAnswers {
  flags: TypeFlagAnswers;
  file: Record<string, FieldValue>;
  existing: Record<string, FieldValue>;
  answered: Record<string, FieldValue>;
}

/**
 * A type's answers, field by field. In the wizard, a cross-field rule is checked as soon as all
 * its fields have answers: when one is broken, its message is shown and the rule's questions
 * that were asked are asked again, from the first, with the answers given as the defaults.
 */
async function typeAnswers(input: ResolveInput, type: string, given: GivenAnswers, origins: Map<string, From>): Promise<Record<string, FieldValue>> {
  const { prompter } = input;
  const def = projectTypes().get(type);
  const fields = projectTypes().fields(type);
  const section: Record<string, FieldValue> = {};
  const missing: string[] = [];
  const again = new Map<string, FieldValue>();
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const picked = await pick(
      { flag: given.flags.values.get(field.path), file: given.file[field.key], existing: given.existing[field.key], answered: again.has(field.key) || !accepts(field, section, given.answered[field.key]) ? undefined : given.answered[field.key] },
      prompter ? () => askField(prompter, field, section, again.get(field.key)) : undefined,
      defaultOf(field.info, section),
    );
    origins.set(field.path, picked.from);
    if (picked.value === undefined) {
      missing.push(`--${field.info.flag} is required for ${type} projects: pass --${field.info.flag} ${allowedText(field.info)}`);
      continue;
    }
    section[field.key] = picked.value;
    if (!prompter) continue;
    const broken = brokenRules(def, section).find((rule) => ruleFields(rule).every((k) => k in section));
    const asked = broken && fields.filter((f) => ruleFields(broken).includes(f.key) && ['prompt', 'answered'].includes(origins.get(f.path)!));
    if (!broken || !asked?.length) continue;
    prompter.note(`${broken.message}: change one of these answers`);
    for (const f of asked) again.set(f.key, section[f.key]!);
    i = fields.indexOf(asked[0]!) - 1;
    for (const f of fields.slice(i + 1)) delete section[f.key];
  }
  if (missing.length > 0) throw new UserError(missing[0]!, missing.slice(1));
  return section;
}

const ruleFields = (rule: TypeRule) => [...new Set([...Object.keys(rule.if), ...Object.keys(rule.then), rule.field])];

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

/** `--depth summary|full`, or an old number mapped with a warning (catalog/depth.ts). */
export function checkDepth(depth: string | undefined, warnings: string[]): Depth | undefined {
  if (depth === undefined) return undefined;
  const level = depthFlag('--depth', depth, warnings);
  if (!level) throw new UserError(`--depth: expected ${DEPTH_NAMES.join('|')}, found ${JSON.stringify(depth)}${didYouMean(depth, DEPTH_NAMES)}`);
  return level;
}

function checkName(name: string): void {
  const result = projectName().safeParse(name);
  if (!result.success) throw new UserError(`--name: ${result.error.issues[0]!.message}, found ${JSON.stringify(name)}`);
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
