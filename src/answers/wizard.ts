/** The wizard's questions. Labels, help per choice and defaults all come from the schema. */
import { CUSTOM_DEFAULT_DEPTH, DEPTH_LEVELS, DEPTH_QUESTION, type Depth } from '../catalog/depth.js';
import type { ListOps, Overlay } from '../catalog/overlay-format.js';
import { CancelledError } from '../errors.js';
import { defaultOf, projectTypes, type FieldValue, type TypeField } from '../catalog/types.js';
import { AGENTS, DEFAULT_AGENTS, METHODOLOGIES, projectName, REFRESH, REFRESH_QUESTION, type Agent, type Config, type Methodology, type Refresh } from '../config/schema.js';
import { sectionSchema } from '../config/sections.js';
import type { Prompter } from './prompter.js';

export function askType(prompter: Prompter): Promise<string> {
  const types = projectTypes();
  const choices = types.ids.map((t) => ({ value: t, name: t, description: types.get(t).description }));
  return prompter.select('What kind of project is this?', choices);
}

export function askName(prompter: Prompter, folderName: string): Promise<string> {
  return prompter.input('Project name', folderName, (v) => projectName().safeParse(v).success || projectName().safeParse(v).error!.issues[0]!.message);
}

export function askMethodology(prompter: Prompter): Promise<Methodology> {
  const choices = (Object.entries(METHODOLOGIES) as [Methodology, string][]).map(([value, description]) => ({ value, name: value, description }));
  return prompter.select('How much should Scaffold set up?', choices, 'deep');
}

export function askAgents(prompter: Prompter): Promise<Agent[]> {
  const choices = (Object.entries(AGENTS) as [Agent, string][]).map(([value, description]) => ({ value, name: value, description, checked: DEFAULT_AGENTS.includes(value) }));
  return prompter.checkbox('Which coding agents should read this project\'s commands and knowledge?', choices);
}

export function askRefresh(prompter: Prompter, methodology: string): Promise<Refresh> {
  const choices = (Object.entries(REFRESH) as [Refresh, string][]).map(([value, description]) => ({ value, name: value, description }));
  return prompter.select(REFRESH_QUESTION, choices, methodology === 'deep' ? 'weekly' : 'off');
}

export function askDepth(prompter: Prompter): Promise<Depth> {
  const choices = (Object.entries(DEPTH_LEVELS) as [Depth, string][]).map(([value, description]) => ({ value, name: value, description }));
  return prompter.select(DEPTH_QUESTION, choices, CUSTOM_DEFAULT_DEPTH);
}

/**
 * Ask one type question, offering only the choices the schema accepts given the earlier answers.
 * When just one choice remains (a training-only ml project serves nothing), it is taken unasked.
 */
export async function askField(prompter: Prompter, field: TypeField, soFar: Record<string, FieldValue>, previous?: FieldValue): Promise<FieldValue> {
  const { info } = field;
  const preferred = previous ?? defaultOf(info, soFar);
  if (info.kind === 'multi') {
    const chosen = (preferred as string[] | undefined) ?? [];
    const choices = info.choices.map((c) => ({ value: String(c.value), name: String(c.value), description: c.help, checked: chosen.includes(String(c.value)) }));
    return prompter.checkbox(info.question, choices);
  }
  const candidates = info.kind === 'boolean' ? [true, false] : info.choices.map((c) => c.value);
  const valid = candidates.filter((value) => accepts(field, soFar, value));
  if (valid.length === 1) return valid[0]!;
  if (info.kind === 'boolean') return prompter.confirm(info.question, (preferred as boolean | undefined) ?? false);
  const choices = info.choices
    .filter((c) => valid.includes(c.value))
    .map((c) => ({ value: c.value, name: String(c.value), description: c.help }));
  return prompter.select(info.question, choices, valid.includes(preferred as never) ? preferred : undefined);
}

/** Whether the schema takes `value` for this field after the earlier answers (undefined: no). */
export function accepts(field: TypeField, soFar: Record<string, FieldValue>, value: FieldValue | undefined): boolean {
  if (value === undefined) return false;
  const result = sectionSchema(field.type).safeParse({ ...soFar, [field.key]: value });
  return result.success || !result.error.issues.some((i) => i.path[0] === field.key);
}

export interface SelectionChoices {
  knowledge: { name: string; description: string; selected: boolean }[];
  suites: { name: string; description: string; selected: boolean }[];
}

/** custom: toggle entries and suites; the difference from the default is kept as the inline overlay. */
export async function askCustomSelection(prompter: Prompter, available: SelectionChoices): Promise<Overlay | undefined> {
  const overlay: Overlay = {};
  for (const kind of ['knowledge', 'suites'] as const) {
    const items = available[kind];
    if (items.length === 0) continue;
    const message = kind === 'knowledge' ? 'Knowledge entries to render' : 'Starter test suites to render';
    const picked = await prompter.checkbox(message, items.map((i) => ({ value: i.name, name: i.name, description: i.description, checked: i.selected })));
    const ops: ListOps = {};
    const add = items.filter((i) => !i.selected && picked.includes(i.name)).map((i) => i.name);
    const remove = items.filter((i) => i.selected && !picked.includes(i.name)).map((i) => i.name);
    if (add.length) ops.add = add;
    if (remove.length) ops.remove = remove;
    if (add.length || remove.length) overlay[kind] = ops;
  }
  return Object.keys(overlay).length ? overlay : undefined;
}

/** The wizard's answers when the person goes back to change one: taken as given, not asked again. */
export interface Answered {
  projectType?: string;
  name?: string;
  methodology?: string;
  depth?: Depth;
  agents?: Agent[];
  refresh?: Refresh;
  /** The type's answers (for `projectType`). */
  section?: Record<string, FieldValue>;
  /** custom: the entries and suites toggled, kept unless that is the answer to change. */
  overlay?: Overlay;
  overlayChosen?: boolean;
}

type Review = { write: true } | { write: false; keep: Answered };

/**
 * The summary of the answers and of what they write, and the confirm: write, change an answer
 * (then only that question is asked again, and those that depend on it), or cancel.
 */
export async function reviewAnswers(prompter: Prompter, config: Config, preview: string[]): Promise<Review> {
  const types = projectTypes();
  const section = (config[types.get(config.projectType).key as keyof Config] ?? {}) as Record<string, FieldValue>;
  const fields = types.fields(config.projectType);
  const show = (v: FieldValue | undefined) => (Array.isArray(v) ? v.join(', ') || '(none)' : v === true ? 'yes' : v === false ? 'no' : String(v));
  const rows: { id: string; label: string; value: string }[] = [
    { id: 'projectType', label: 'Project type', value: config.projectType },
    { id: 'name', label: 'Project name', value: config.name },
    { id: 'methodology', label: 'Methodology', value: config.methodology + (config.methodology === 'custom' ? `, depth ${config.depth}` : '') },
    ...fields.map((f) => ({ id: `field:${f.key}`, label: f.info.question, value: show(section[f.key]) })),
    { id: 'agents', label: 'Coding agents', value: show(config.agents ?? []) },
    { id: 'refresh', label: 'Refresh pull requests', value: config.refresh ?? 'off' },
    ...(config.methodology === 'custom' ? [{ id: 'overlay', label: 'Knowledge entries and suites', value: config.overlay ? 'toggled' : 'the defaults' }] : []),
  ];
  const width = Math.max(...rows.map((r) => r.label.length));
  prompter.note(['', 'Your answers:', ...rows.map((r) => `  ${r.label.padEnd(width)}  ${r.value}`), ...preview.map((l) => `  ${l}`), ''].join('\n'));
  const next = await prompter.select('Write these files?', [
    { value: 'write', name: 'Yes, write them' },
    { value: 'change', name: 'Change an answer' },
    { value: 'cancel', name: 'Cancel, write nothing' },
  ], 'write');
  if (next === 'write') return { write: true };
  if (next === 'cancel') throw new CancelledError();
  const which = await prompter.select('Which answer?', rows.map((r) => ({ value: r.id, name: `${r.label}: ${r.value}` })));
  const keep: Answered = {
    projectType: config.projectType,
    name: config.name,
    methodology: config.methodology,
    depth: config.depth,
    agents: config.agents,
    refresh: config.refresh,
    section: { ...section },
    overlay: config.overlay,
    overlayChosen: true,
  };
  if (which === 'projectType') Object.assign(keep, { projectType: undefined, section: undefined, overlay: undefined, overlayChosen: false });
  else if (which === 'methodology') Object.assign(keep, { methodology: undefined, depth: undefined, overlay: undefined, overlayChosen: false });
  else if (which === 'overlay') Object.assign(keep, { overlay: undefined, overlayChosen: false });
  else if (which.startsWith('field:')) delete keep.section![which.slice('field:'.length)];
  else delete keep[which as 'name' | 'agents' | 'refresh'];
  return { write: false, keep };
}
