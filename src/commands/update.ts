/** `scaffold update [dir]`: re-render from config.yml and bring the project up to date (or `--check` it). */
import { UserError } from '../errors.js';
import type { Policy } from '../render/file-plan.js';
import { detachedOn, upToDate } from '../sync/up-to-date.js';
import { printEnvelope } from './envelope.js';
import { projectFolder, type CommandContext, type OutputOptions } from './context.js';
import { printReport } from './report.js';

export interface UpdateOptions extends OutputOptions {
  check?: boolean;
  restore?: string[];
}

export async function update(dirArg: string | undefined, options: UpdateOptions, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, dirArg);
  const dryRun = !!(options.check || options.dryRun);
  const detached = detachedOn(projectDir);
  if (detached) {
    const message = `nothing to manage: this project was detached from Scaffold on ${detached}; \`scaffold init\` starts again (your answers are in .scaffold/config.yml)`;
    if (options.json) printEnvelope(ctx, 'update', 0, { detachedOn: detached, changes: [] });
    else ctx.stdout(`${message[0]!.toUpperCase()}${message.slice(1)}.\n`);
    return 0;
  }

  // 1. Fast path: same inputs as the last run and every file as Scaffold left it. Nothing is
  //    rendered, and the schema and template libraries are never loaded.
  const fresh = options.force || options.restore?.length ? undefined : upToDate(projectDir);
  if (fresh) {
    const changes = fresh.files.map((f) => ({ ...f, action: 'unchanged' as const, policy: f.policy as Policy }));
    return printReport(ctx, options, { command: 'update', projectType: fresh.projectType, changes, warnings: [], selection: fresh.selection, dryRun, check: options.check });
  }

  // 2. Otherwise: validate config.yml, then the whole pipeline.
  const { readConfig, pipeline } = await import('./index.js');
  const found = readConfig(projectDir);
  if (!found) throw new UserError(`no .scaffold/config.yml in ${projectDir}: run \`npx scaffold-overlays init\` there first`, [], { code: 'no-project' });
  const { config, source } = found;
  const run = pipeline({ projectDir, config, configSource: source });
  const outcome = await run.sync({ write: !dryRun, force: !!options.force, restore: options.restore ?? [], disk: ctx.disk });
  return printReport(ctx, options, { command: 'update', projectType: config.projectType, ...outcome, selection: run.selection, dryRun, check: options.check });
}
