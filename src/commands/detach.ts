/**
 * `scaffold detach [path...]`: stop managing some files, or (no paths) the whole project. Files
 * stay exactly as they are; see src/sync/detach.ts for what goes.
 */
import { relative, resolve, sep } from 'node:path';
import { readConfig } from '../config/load.js';
import { readWorkspace } from '../config/workspace.js';
import { UserError } from '../errors.js';
import { scaffoldVersion } from '../package-root.js';
import { detachProject } from '../sync/sync.js';
import { projectFolder, type CommandContext, type OutputOptions } from './context.js';
import { printReport } from './report.js';

export interface DetachOptions extends OutputOptions {
  dir?: string;
}

export async function detach(paths: string[], options: DetachOptions, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, options.dir);
  // A monorepo's workspace root detaches like a project: its records say what it wrote.
  const workspace = readWorkspace(projectDir);
  const projectType = workspace ? 'workspace' : readConfig(projectDir)?.config.projectType;
  if (!projectType) throw new UserError(`no .scaffold/config.yml in ${projectDir}: there is nothing to detach`, [], { code: 'no-project' });
  // A path is given as the shell sees it: relative to the current folder.
  const inProject = paths.map((p) => {
    const rel = relative(projectDir, resolve(ctx.cwd, p)).split(sep).join('/');
    if (!rel || rel.startsWith('..')) throw new UserError(`${p} is not a file inside the project ${projectDir}`);
    return rel;
  });
  const all = inProject.length === 0;
  const outcome = await detachProject({ projectDir, paths: all ? 'all' : inProject, version: scaffoldVersion(), write: !options.dryRun, disk: ctx.disk });
  const code = printReport(ctx, options, { command: 'detach', projectType, ...outcome, dryRun: !!options.dryRun });
  if (all && !options.json && !options.quiet && !options.dryRun) {
    const again = workspace ? '`scaffold init --workspace` starts again' : '`scaffold init` starts again (your answers stay in .scaffold/config.yml)';
    ctx.stdout(`\nScaffold no longer manages this ${workspace ? 'workspace root' : 'project'}: every file is yours now. ${again}; delete .scaffold/ if you no longer want it.\n`);
  }
  return code;
}
