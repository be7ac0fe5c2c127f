/**
 * The page's plan and apply, on init's own path: the answers are init's options, and planInit
 * (commands/init.ts) resolves them over the folder's config.yml, renders and compares with the
 * disk, which is exactly what `init --dry-run --json` prints. Apply is the same call without
 * --dry-run: the same engine, lock and report.
 */
import { parseFieldValue } from '../answers/fields.js';
import { brokenRules, defaultOf, projectTypes, type FieldInfo, type FieldValue, type SectionAnswers, type TypeRule } from '../catalog/types.js';
import type { CommandContext } from '../commands/context.js';
import { planInit } from '../commands/init.js';
import { printReport } from '../commands/report.js';
import { readConfig } from '../config/load.js';
import { DEFAULT_AGENTS, sectionOf, type Config } from '../config/schema.js';
import { environmentError, UserError, type Problem } from '../errors.js';
import type { Selection } from '../overlays/merge.js';
import type { Pipeline } from '../pipeline.js';
import type { Change } from '../sync/decide.js';
import type { SyncOutcome } from '../sync/sync.js';
import { commandLine, configAnswers, optionsOf, type Answers } from './answers.js';

/** A run of init's path for some answers: the config they resolve to, its pipeline and outcome. */
export interface Planned {
  config: Config;
  run: Pipeline;
  outcome: SyncOutcome;
}

export interface FileRow {
  path: string;
  action: Change['action'];
  /** What rendered it (`knowledge ml-testing`, `suite ml-unit`), and the layer that selected that. */
  source: string;
  layer?: string;
  policy: Change['policy'];
  reason?: string;
}

/** A broken rule across answers, with the flags of every field it involves. */
export interface RuleView {
  message: string;
  flags: string[];
}

export type PlanView =
  | { ok: true; shown: Answers; rules: RuleView[]; config: Config; configText: string; command: string; notInCommand: string[]; report: unknown; files: FileRow[] }
  | { ok: false; shown: Answers; rules: RuleView[]; problems: Problem[] };

/** Plan and compare with the disk on init's own path (planInit); `write` applies it as init does. */
export async function planFor(projectDir: string, answers: Answers, write = false): Promise<Planned & { report: unknown; exitCode: number }> {
  let printed = '';
  const ctx: CommandContext = { cwd: projectDir, isTTY: false, color: false, stdout: (t) => void (printed += t), stderr: () => {}, prompter: noPrompter };
  const options = { ...optionsOf(answers), yes: true, json: true, dryRun: !write };
  const { config, run, outcome, warnings } = await planInit(projectDir, options, ctx);
  const exitCode = printReport(ctx, options, { command: 'init', projectType: config.projectType, ...outcome, warnings, selection: run.selection, dryRun: !write });
  return { config, run, outcome, report: JSON.parse(printed) as unknown, exitCode };
}

const noPrompter = (): never => {
  throw new Error('the explore page never prompts');
};

/** The plan as the page shows it: every file, or, when the answers do not resolve, why not. */
export async function planView(projectDir: string, answers: Answers): Promise<PlanView & { planned?: Planned }> {
  try {
    const planned = await planFor(projectDir, answers);
    const { config, run, outcome, report } = planned;
    return {
      ok: true,
      shown: configAnswers(config),
      rules: [],
      config,
      configText: run.files().find((f) => f.policy === 'config')?.content ?? '',
      command: commandLine(config),
      notInCommand: (['packs', 'overlay'] as const).filter((key) => config[key] !== undefined),
      report,
      files: outcome.changes.map((c) => ({ path: c.path, action: c.action, source: c.source, layer: layerOf(c.source, run.selection), policy: c.policy, ...(c.reason && { reason: c.reason }) })),
      planned,
    };
  } catch (thrown) {
    // A problem of the answers or of the folder (a file in the way, no permission) is shown on
    // the page, as the CLI would say it; anything else is a bug.
    const error = environmentError(thrown);
    if (!(error instanceof UserError)) throw thrown;
    const { shown, rules } = shownAnswers(projectDir, answers);
    // A broken rule is shown beside its fields; the other problems where their flag is.
    const problems = error.problems().filter((p) => !rules.some((r) => p.message.endsWith(r.message)));
    return { ok: false, shown, rules, problems };
  }
}

/** The layer that selected what rendered a file: `ml overlay`, `methodology deep`, ... */
export function layerOf(source: string, selection: Selection): string | undefined {
  const [kind, name] = source.split(' ');
  if (kind === 'knowledge' && name === 'index') return 'the selected knowledge entries';
  if (kind === 'knowledge') return selection.knowledge.find((s) => s.name === name)?.by;
  if (kind === 'suite') return selection.suites.find((s) => s.name === name)?.by;
  if (kind === 'agents') return 'config.yml agents';
  if (source === 'answers') return 'your answers';
  return undefined;
}

/**
 * What the form shows when the answers do not resolve (a required answer missing, a rule
 * broken): each question's answer, else the config's, else its default, in wizard order, and the
 * rules those values break. Display only: a plan always comes from resolveAnswers above.
 */
function shownAnswers(projectDir: string, answers: Answers): { shown: Answers; rules: RuleView[] } {
  const existing = readConfigQuietly(projectDir);
  const common: Answers = existing ? configAnswers(existing) : { methodology: 'deep', agents: DEFAULT_AGENTS.join(',') };
  const type = answers.type ?? existing?.projectType;
  const shown: Answers = { ...common, ...answers };
  if (!type || !projectTypes().has(type)) return { shown, rules: [] };
  const before = existing?.projectType === type ? (sectionOf(existing) as SectionAnswers) : {};
  const fields = projectTypes().fields(type);
  const section: SectionAnswers = {};
  for (const field of fields) {
    const given = answers[field.info.flag];
    const value: FieldValue | undefined = given !== undefined ? parsed(field.info, given) : (before[field.key] ?? defaultOf(field.info, section));
    if (value === undefined) continue;
    section[field.key] = value;
    shown[field.info.flag] = Array.isArray(value) ? value.join(',') : String(value);
  }
  const flagOf = (key: string) => fields.find((f) => f.key === key)?.info.flag ?? key;
  const rules = brokenRules(projectTypes().get(type), section).map((rule) => ({ message: rule.message, flags: ruleKeys(rule).map(flagOf) }));
  return { shown, rules };
}

const ruleKeys = (rule: TypeRule) => [...new Set([...Object.keys(rule.if), ...Object.keys(rule.then), rule.field])];

/** A flag's text as its answer, read as init reads the flag; shown as typed when it does not read. */
function parsed(info: FieldInfo, text: string): FieldValue {
  try {
    return parseFieldValue(info, text, `--${info.flag}`);
  } catch {
    return text;
  }
}

function readConfigQuietly(projectDir: string): Config | undefined {
  try {
    return readConfig(projectDir)?.config;
  } catch {
    return undefined;
  }
}
