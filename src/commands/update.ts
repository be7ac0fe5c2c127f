/** `scaffold update [dir]`: re-render from config.yml and bring the project up to date (or `--check` it). */
import { resolve } from 'node:path';
import { readConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { scaffoldVersion } from '../package-root.js';
import { syncProject } from '../sync/sync.js';
import type { CommandContext, OutputOptions } from './context.js';
import { filePlanFor, resolveSelection } from './project.js';
import { conflictsOf, isDrift, printReport } from './report.js';

export interface UpdateOptions extends OutputOptions {
  check?: boolean;
  restore?: string[];
}

export async function update(dirArg: string | undefined, options: UpdateOptions, ctx: CommandContext): Promise<number> {
  const projectDir = resolve(ctx.cwd, dirArg ?? '.');
  const found = readConfig(projectDir);
  if (!found) throw new UserError(`no .scaffold/config.yml in ${projectDir}: run \`npx scaffold-overlays init\` there first`);
  const { config, source } = found;
  const selection = resolveSelection(config, projectDir, source);
  const outcome = syncProject({
    projectDir,
    files: filePlanFor(config, selection),
    version: scaffoldVersion(),
    force: !!options.force,
    restore: options.restore ?? [],
    write: !options.check && !options.dryRun,
  });
  const dryRun = !!(options.check || options.dryRun);
  printReport(ctx, options, { command: 'update', projectType: config.projectType, ...outcome, selection: selection.resolved, dryRun });
  if (options.check && isDrift(outcome.changes)) {
    if (!options.json) ctx.stderr('Generated files are out of date: run `npx scaffold-overlays update` and commit the result.\n');
    return 1;
  }
  return conflictsOf(outcome.changes).length > 0 ? 1 : 0;
}
