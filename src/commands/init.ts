/** `scaffold init [dir]`: answer the questions, then generate. On a configured project it refreshes. */
import { existsSync } from 'node:fs';
import { basename, delimiter, join, relative, resolve } from 'node:path';
import { readTypeFlags } from '../answers/flags.js';
import { resolveAnswers, type Flags } from '../answers/resolve.js';
import { readAnswersFile, readConfig, renderConfig, REWRITES_LATER, REWRITES_NOW, type FoundConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { readWorkspace } from '../config/workspace.js';
import { UserError } from '../errors.js';
import { pipeline, type Pipeline } from '../pipeline.js';
import { projectCommands } from '../render/commands.js';
import { projectFolder, type CommandContext, type OutputOptions } from './context.js';
import { printReport } from './report.js';
import type { SyncOutcome } from '../sync/sync.js';
import { initWorkspace } from './workspace.js';

export interface InitOptions extends OutputOptions, Record<string, unknown> {
  type?: string;
  name?: string;
  methodology?: string;
  depth?: string;
  agents?: string;
  refresh?: string;
  yes?: boolean;
  answers?: string;
  interactive?: boolean;
  knowledge?: boolean;
  tests?: boolean;
  /** The repository root of a monorepo, holding its units' workflows (workspace.ts). */
  workspace?: boolean;
}

export async function init(dirArg: string | undefined, options: InitOptions, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, dirArg);
  if (options.workspace) return initWorkspace(projectDir, options, ctx);
  if (readWorkspace(projectDir)) throw new UserError(`${projectDir} is a workspace root: \`scaffold init --workspace\` refreshes it; a project goes in a folder below it`, [], { code: 'usage' });
  const { config, run, outcome, warnings } = await planInit(projectDir, options, ctx);
  const where = relative(ctx.cwd, projectDir);
  const next = [
    ...(where ? [`cd ${where.startsWith('..') ? projectDir : where}`] : []),
    ...nextCommands(run),
    ...(run.selection.knowledge.length ? ['read docs/knowledge/README.md'] : []),
    'commit .scaffold/ with your project; re-run `npx scaffold-overlays update` after editing .scaffold/config.yml',
  ];
  return printReport(ctx, options, { command: 'init', projectType: config.projectType, ...outcome, warnings, selection: run.selection, dryRun: !!options.dryRun }, next);
}

/** What init planned for a folder, and did there unless it was a dry run. */
export interface InitRun {
  config: Config;
  run: Pipeline;
  outcome: SyncOutcome;
  /** Everything the run warned about, for its report. */
  warnings: string[];
}

/**
 * Init's path from its options to the plan compared with the disk, and applied unless
 * `--dry-run`: the command takes it, and so does `scaffold explore` for its plan and its apply.
 */
export async function planInit(projectDir: string, options: InitOptions, ctx: Pick<CommandContext, 'cwd' | 'isTTY' | 'prompter' | 'disk'>): Promise<InitRun> {
  // 1. What is already there
  const existing = readConfig(projectDir, options.dryRun ? REWRITES_LATER : REWRITES_NOW);

  // 2. Answers: flags > answers file > existing config > wizard > defaults
  const flags: Flags = {
    type: options.type,
    name: options.name,
    methodology: options.methodology,
    depth: options.depth,
    agents: options.agents,
    refresh: options.refresh,
    typeAnswers: readTypeFlags(options, options.type),
  };
  const interactive = !options.yes && options.interactive !== false && !options.json && ctx.isTTY;
  const answersFile = options.answers ? readAnswersFile(resolve(ctx.cwd, options.answers)) : undefined;
  const file = answersFile?.source;
  // Old depth numbers in config.yml, the answers file or --depth: read as their levels, reported once.
  const warnings = [...(existing?.warnings ?? []), ...(answersFile?.warnings ?? [])];
  let config = await resolveAnswers({
    flags,
    file,
    existing: existing?.config,
    prompter: interactive ? ctx.prompter() : undefined,
    folderName: basename(projectDir),
    selectionChoices: (c) => selectionChoices(pipeline({ projectDir, config: c })),
    target: projectDir,
    warnings,
    preview: (c) => {
      const switched = withSwitches(c, options);
      return preview(pipeline({ projectDir, config: switched, configText: configText(switched, existing) }), projectDir);
    },
  });
  config = withSwitches(config, options);

  // 3. Plan every file in memory, config.yml included, and apply (or only compare, with --dry-run)
  // The file the overlay came from, for the lines of its problems: the answers file wins.
  const overlaySource = file && 'overlay' in (file.data as object) ? file : existing?.source;
  const run = pipeline({ projectDir, config, configSource: overlaySource, configText: configText(config, existing), warnings });
  const outcome = await run.sync({ write: !options.dryRun, force: !!options.force, restore: [], disk: ctx.disk });
  return { config, run, outcome, warnings: [...run.warnings, ...outcome.warnings] };
}

/** `--no-knowledge` / `--no-tests` are kept in config.yml, so later updates honour them. */
function withSwitches(config: Config, options: InitOptions): Config {
  if (options.knowledge !== false && options.tests !== false) return config;
  const overlay = { ...config.overlay };
  if (options.knowledge === false) overlay.knowledge = { replace: [] };
  if (options.tests === false) overlay.suites = { replace: [] };
  return { ...config, overlay };
}

/** The existing text (old depth numbers named) when the answers did not change, else that text edited in place. */
function configText(config: Config, existing: Pick<FoundConfig, 'config' | 'named'> | undefined): string {
  if (existing && JSON.stringify(existing.config) === JSON.stringify(config)) return existing.named;
  return renderConfig(config, existing?.named);
}

/** The wizard's summary of what the answers write. */
function preview({ selection, files }: Pipeline, projectDir: string): string[] {
  const plan = files();
  const there = plan.filter((f) => existsSync(join(projectDir, f.path))).length;
  const agents = selection.agents.length ? selection.agents.join(', ') : 'none';
  return [
    `Writes ${count(plan.length, 'file')} into ${projectDir}: ${count(selection.knowledge.length, 'knowledge entry', 'knowledge entries')}, ${count(selection.suites.length, 'starter suite')}, files for coding agents: ${agents}.`,
    ...(there ? [`${there} of them exist already: Scaffold merges into them or leaves them alone, and never overwrites your work.`] : []),
  ];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function selectionChoices({ selection, catalog }: Pipeline) {
  const type = selection.projectType;
  const chosen = (list: { name: string }[]) => new Set(list.map((s) => s.name));
  const knowledge = chosen(selection.knowledge);
  const suites = chosen(selection.suites);
  return {
    knowledge: [...catalog.knowledgeNames]
      .filter((n) => [type, undefined].includes(catalog.entry(n).projectType))
      .map((n) => ({ name: n, description: catalog.entry(n).description, selected: knowledge.has(n) })),
    suites: [...catalog.suiteNames]
      .filter((n) => [type, undefined].includes(catalog.suite(n).projectType))
      .map((n) => ({ name: n, description: catalog.suite(n).description, selected: suites.has(n) })),
  };
}

/**
 * How to install and run the generated tests, once for each toolchain: with uv when it is on the
 * PATH (it makes the virtual environment itself, where `python3 -m venv` needs the python3-venv
 * package on Debian and Ubuntu).
 */
function nextCommands({ selection, catalog }: Pipeline): string[] {
  const { install, installUv, test } = projectCommands(selection, catalog);
  return [...new Set([...(onPath('uv') ? installUv : install), ...test])];
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}
