/**
 * A workspace root (config/workspace.ts): `scaffold init --workspace` makes one, and `update`
 * in it (or `update --all` from it) renders the repository's workflows from its units.
 */
import { UserError } from '../errors.js';
import { readConfig } from '../config/load.js';
import { readWorkspace, workspaceConfigText, type FoundWorkspace } from '../config/workspace.js';
import { REFRESH, type Refresh } from '../config/schema.js';
import { workspacePipeline } from '../pipeline.js';
import type { CommandContext, OutputOptions } from './context.js';
import { printReport } from './report.js';
import { findUnits } from './units.js';

/** update's options that apply here (update.ts imports this file through index.ts, so not its type). */
type UpdateOptions = OutputOptions & { check?: boolean; restore?: string[] };

/** The init flags a workspace root has no use for: it has no type, answers, knowledge or agents. */
const NOT_FOR_A_WORKSPACE = ['type', 'name', 'methodology', 'depth', 'agents', 'answers'] as const;

/** The init flags this reads (init.ts's InitOptions has them all). */
export type WorkspaceInitOptions = UpdateOptions & Record<string, unknown> & { refresh?: string; knowledge?: boolean; tests?: boolean };

export async function initWorkspace(projectDir: string, options: WorkspaceInitOptions, ctx: CommandContext): Promise<number> {
  // 1. Flags: only --refresh (and the output ones) mean anything here.
  const extra = NOT_FOR_A_WORKSPACE.find((flag) => options[flag] !== undefined) ?? (options.knowledge === false ? 'no-knowledge' : options.tests === false ? 'no-tests' : undefined);
  if (extra) throw new UserError(`--workspace with --${extra}: a workspace root has no project type, answers, knowledge or agents; init each unit with \`scaffold init <folder> --type ...\`, and the root with \`scaffold init --workspace\` alone (or with --refresh)`, [], { code: 'usage' });
  // 2. The root is not already a project, and there are units below it.
  const existing = readWorkspace(projectDir);
  if (!existing && readConfig(projectDir)) throw new UserError(`${projectDir} is already a Scaffold project: a workspace root holds only the workflows of the units below it; move the project into a folder of its own first`, [], { code: 'usage' });
  const units = unitsBelow(projectDir);
  // 3. config.yml: kept as it is unless --refresh changes it.
  const refresh = checkRefresh(options.refresh) ?? existing?.config.refresh;
  const configText = existing && options.refresh === undefined ? existing.text : workspaceConfigText(refresh);
  const config = { version: 1 as const, workspace: true as const, refresh: refresh ?? 'weekly' };
  return run(projectDir, config, units, configText, 'init', options, ctx);
}

export async function updateWorkspace(projectDir: string, found: FoundWorkspace, options: UpdateOptions, ctx: CommandContext): Promise<number> {
  return run(projectDir, found.config, unitsBelow(projectDir), undefined, 'update', options, ctx);
}

async function run(projectDir: string, config: FoundWorkspace['config'], units: string[], configText: string | undefined, command: string, options: UpdateOptions, ctx: CommandContext): Promise<number> {
  const dryRun = !!(options.check || options.dryRun);
  const outcome = await workspacePipeline({ projectDir, config, units, configText }).sync({ write: !dryRun, force: !!options.force, restore: options.restore ?? [], disk: ctx.disk });
  const next = command === 'init' ? ['commit .scaffold/ and .github/workflows/; `npx scaffold-overlays update --all` here keeps the root and every unit up to date'] : [];
  return printReport(ctx, options, { command, projectType: 'workspace', ...outcome, selection: { units }, dryRun, check: options.check }, next);
}

/** The units below the root, the root itself left out; none is an error, since there is nothing to run. */
function unitsBelow(projectDir: string): string[] {
  const units = findUnits(projectDir).filter((u) => u !== '.');
  if (units.length === 0) {
    throw new UserError(`no units under ${projectDir}: a workspace root holds the workflows of the projects below it; set them up first (\`scaffold init services/model --type ml\`), then the root`, [], { code: 'usage' });
  }
  return units;
}

function checkRefresh(refresh: string | undefined): Refresh | undefined {
  if (refresh !== undefined && !(refresh in REFRESH)) throw new UserError(`--refresh ${refresh}: choose ${Object.keys(REFRESH).join(', ')}`, [], { code: 'usage' });
  return refresh as Refresh | undefined;
}
