/** `scaffold init [dir]`: answer the questions, then generate. On a configured project it refreshes. */
import { basename, relative, resolve } from 'node:path';
import { readTypeFlags } from '../answers/flags.js';
import { resolveAnswers, type Flags } from '../answers/resolve.js';
import { CONFIG_FILE, readAnswersFile, readConfig, renderConfig } from '../config/load.js';
import type { ProjectType } from '../config/project-types.js';
import type { Config } from '../config/schema.js';
import { EXIT } from '../errors.js';
import { scaffoldVersion } from '../package-root.js';
import { builtContentFingerprint } from '../compiled.js';
import { inputsHash } from '../sync/inputs.js';
import { syncProject } from '../sync/sync.js';
import type { CommandContext, OutputOptions } from './context.js';
import { filePlanFor, resolveSelection, runCommands, type Selection } from './project.js';
import { conflictsOf, printReport } from './report.js';

export interface InitOptions extends OutputOptions, Record<string, unknown> {
  type?: string;
  name?: string;
  methodology?: string;
  depth?: string;
  yes?: boolean;
  answers?: string;
  interactive?: boolean;
  knowledge?: boolean;
  tests?: boolean;
}

export async function init(dirArg: string | undefined, options: InitOptions, ctx: CommandContext): Promise<number> {
  // 1. Where, and what is already there
  const projectDir = resolve(ctx.cwd, dirArg ?? '.');
  const existing = readConfig(projectDir);

  // 2. Answers: flags > answers file > existing config > wizard > defaults
  const flags: Flags = {
    type: options.type,
    name: options.name,
    methodology: options.methodology,
    depth: options.depth,
    typeAnswers: readTypeFlags(options, options.type as ProjectType | undefined),
  };
  const interactive = ctx.isTTY && !options.yes && options.interactive !== false && !options.json;
  let config = await resolveAnswers({
    flags,
    file: options.answers ? readAnswersFile(resolve(ctx.cwd, options.answers)) : undefined,
    existing: existing?.config,
    prompter: interactive ? ctx.prompter() : undefined,
    folderName: basename(projectDir),
    selectionChoices: (c) => selectionChoices(resolveSelection(c, projectDir)),
  });
  config = withSwitches(config, options);

  // 3. Plan every file in memory, config.yml included
  const selection = resolveSelection(config, projectDir, existing?.source);
  const files = filePlanFor(config, selection);
  const configContent = configText(config, existing);
  files.unshift({ path: CONFIG_FILE, content: configContent, policy: 'config', source: 'answers' });

  // 4. Apply (or only report, with --dry-run). After the render, so the build's content
  //    fingerprint can stand in for hashing every shipped file (see builtContentFingerprint).
  const outcome = syncProject({
    projectDir,
    files,
    projectType: config.projectType,
    inputsHash: inputsHash(projectDir, configContent, builtContentFingerprint()),
    version: scaffoldVersion(),
    force: !!options.force,
    restore: [],
    write: !options.dryRun,
  });
  const where = relative(ctx.cwd, projectDir);
  const next = [
    ...(where ? [`cd ${where.startsWith('..') ? projectDir : where}`] : []),
    ...runCommands(selection),
    ...(selection.resolved.knowledge.length ? ['read docs/knowledge/README.md'] : []),
    'commit .scaffold/ with your project; re-run `npx scaffold-overlays update` after editing .scaffold/config.yml',
  ];
  printReport(ctx, options, { command: 'init', projectType: config.projectType, ...outcome, selection: selection.resolved, dryRun: !!options.dryRun }, next);
  return conflictsOf(outcome.changes).length > 0 ? EXIT.drift : EXIT.ok;
}

/** `--no-knowledge` / `--no-tests` are kept in config.yml, so later updates honour them. */
function withSwitches(config: Config, options: InitOptions): Config {
  if (options.knowledge !== false && options.tests !== false) return config;
  const overlay = { ...config.overlay };
  if (options.knowledge === false) overlay.knowledge = { replace: [] };
  if (options.tests === false) overlay.suites = { replace: [] };
  return { ...config, overlay };
}

/** The existing text when the answers did not change, else that text edited in place. */
function configText(config: Config, existing: { config: Config; text: string } | undefined): string {
  if (existing && JSON.stringify(existing.config) === JSON.stringify(config)) return existing.text;
  return renderConfig(config, existing?.text);
}

function selectionChoices(selection: Selection) {
  const { resolved, catalog } = selection;
  const type = resolved.projectType;
  const chosen = (list: { name: string }[]) => new Set(list.map((s) => s.name));
  const knowledge = chosen(resolved.knowledge);
  const suites = chosen(resolved.suites);
  return {
    knowledge: [...catalog.knowledgeNames]
      .filter((n) => catalog.entry(n).projectType === type)
      .map((n) => ({ name: n, description: catalog.entry(n).description, selected: knowledge.has(n) })),
    suites: [...catalog.suiteNames]
      .filter((n) => [type, undefined].includes(catalog.suite(n)['project-type']))
      .map((n) => ({ name: n, description: catalog.suite(n).description, selected: suites.has(n) })),
  };
}
