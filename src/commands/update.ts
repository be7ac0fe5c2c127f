/** `scaffold update [dir]`: re-render from config.yml and bring the project up to date (or `--check` it). */
import { join } from 'node:path';
import { environmentError, EXIT, UserError, type Problem } from '../errors.js';
import { isWorkspaceRoot } from '../catalog/workspace-root.js';
import { detachedOn } from '../sync/up-to-date.js';
import { printEnvelope } from './envelope.js';
import { projectFolder, type CommandContext, type OutputOptions } from './context.js';
import { printReport } from './report.js';
import { reportIfUpToDate } from './update-fast.js';

export interface UpdateOptions extends OutputOptions {
  check?: boolean;
  restore?: string[];
  /** Every unit (a folder with its own .scaffold/) under the folder, each on its own. */
  all?: boolean;
}

export async function update(dirArg: string | undefined, options: UpdateOptions, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, dirArg);
  if (options.all) return updateAll(projectDir, options, ctx);
  const dryRun = !!(options.check || options.dryRun);
  const detached = detachedOn(projectDir);
  if (detached) {
    const again = isWorkspaceRoot(projectDir) ? '`scaffold init --workspace` starts again' : '`scaffold init` starts again (your answers are in .scaffold/config.yml)';
    const message = `nothing to manage: this project was detached from Scaffold on ${detached}; ${again}`;
    if (options.json) printEnvelope(ctx, 'update', 0, { detachedOn: detached, changes: [] });
    else ctx.stdout(`${message[0]!.toUpperCase()}${message.slice(1)}.\n`);
    return 0;
  }

  // 1. Fast path: same inputs as the last run and every file as Scaffold left it.
  const fast = options.force || options.restore?.length || ctx.upToDateAsked ? undefined : reportIfUpToDate(projectDir, options, ctx);
  if (fast !== undefined) return fast;

  // 2. Otherwise: validate config.yml, then the whole pipeline (a workspace root's own, or a project's).
  const { readConfig, readWorkspace, REWRITES_LATER, REWRITES_NOW, pipeline, updateWorkspace } = await import('./index.js');
  const workspace = readWorkspace(projectDir);
  if (workspace) return updateWorkspace(projectDir, workspace, options, ctx);
  const found = readConfig(projectDir, dryRun ? REWRITES_LATER : REWRITES_NOW);
  if (!found) throw new UserError(`no .scaffold/config.yml in ${projectDir}: run \`npx scaffold-overlays init\` there first`, [], { code: 'no-project' });
  const { config, source, named, warnings } = found;
  // An old depth number is rewritten as its name, that line only, in place: config.yml joins the
  // plan, so a writing run writes it and --check counts it as drift (exit 1) like any other file.
  const configText = warnings.length > 0 ? named : undefined;
  const run = pipeline({ projectDir, config, configSource: source, configText, warnings });
  const outcome = await run.sync({ write: !dryRun, force: !!options.force, restore: options.restore ?? [], disk: ctx.disk });
  return printReport(ctx, options, { command: 'update', projectType: config.projectType, ...outcome, warnings: [...run.warnings, ...outcome.warnings], selection: run.selection, dryRun, check: options.check });
}

/**
 * `update --all`: each unit under `root` updated (or checked) on its own, reported under its
 * path; the exit code is the worst of theirs. With --json, one envelope whose `units` holds each
 * unit's envelope and whose `errors` holds theirs, each naming its unit.
 */
async function updateAll(root: string, options: UpdateOptions, ctx: CommandContext): Promise<number> {
  if (options.restore?.length) throw new UserError('--restore names files of one project: run it in that unit, without --all');
  const { findUnits } = await import('./index.js');
  const units = findUnits(root);
  if (units.length === 0) throw new UserError(`no Scaffold projects under ${root}: a unit is a folder with .scaffold/config.yml; \`scaffold init <folder>\` makes one`, [], { code: 'no-project' });
  const results: { path: string; exit: number; envelope?: Record<string, unknown>; errors: Problem[] }[] = [];
  for (const unit of units) {
    let out = '';
    let err = '';
    const captured: CommandContext = { ...ctx, upToDateAsked: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
    let exit: number;
    let errors: Problem[] = [];
    try {
      exit = await update(join(root, unit), { ...options, all: false }, captured);
    } catch (error) {
      const failure = environmentError(error);
      if (!(failure instanceof UserError)) throw error;
      exit = EXIT.user;
      errors = failure.problems();
      err += `error: ${[failure.message, ...failure.details].join('\n  ')}\n`;
    }
    const envelope = options.json && out ? (JSON.parse(out) as Record<string, unknown>) : undefined;
    if (envelope) errors = envelope.errors as Problem[];
    results.push({ path: unit, exit, envelope, errors: errors.map((e) => ({ ...e, message: `${unit}: ${e.message}`, ...(e.file && { file: unit === '.' ? e.file : `${unit}/${e.file}` }) })) });
    if (!options.json) {
      ctx.stdout(`${unit === '.' ? '. (the repository root)' : unit}:\n${out.replace(/^(?=.)/gm, '  ')}`);
      if (err) ctx.stderr(err.replace(/^(?=.)/gm, `${unit}: `));
    }
  }
  const worst = Math.max(...results.map((r) => r.exit));
  if (options.json) {
    const units = results.map(({ path, exit, envelope }) => ({ path, exit, ...(envelope && { ...envelope, ok: undefined, command: undefined }) }));
    printEnvelope(ctx, 'update', worst, { all: true, units }, { errors: results.flatMap((r) => r.errors) });
  } else {
    const failed = results.filter((r) => r.exit !== 0).map((r) => r.path);
    ctx.stdout(`${units.length} units${failed.length ? `; not done: ${failed.join(', ')}` : ', all done'}.\n`);
  }
  return worst;
}
