/** `scaffold validate [dir]`: check config.yml and the local overlays, listing every problem. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { contentCatalog } from '../overlays/catalog.js';
import { LOCAL_OVERLAY_DIR, loadOverlayFile, unknownNames } from '../overlays/load.js';
import type { CommandContext } from './context.js';
import { filePlanFor, resolveSelection } from './project.js';

export async function validate(dirArg: string | undefined, options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const projectDir = resolve(ctx.cwd, dirArg ?? '.');
  const problems: string[] = [];
  const collect = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message, ...error.details.filter((d) => !d.startsWith('Fix ')));
      return undefined;
    }
  };
  const found = collect(() => {
    const config = readConfig(projectDir);
    if (!config) throw new UserError(`no .scaffold/config.yml in ${projectDir}: run \`npx scaffold-overlays init\` there first`);
    return config;
  });
  // Each local overlay on its own first, so one run lists the problems of every file.
  const overlayDir = join(projectDir, LOCAL_OVERLAY_DIR);
  const overlayFiles = existsSync(overlayDir) ? readdirSync(overlayDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const catalog = contentCatalog();
  const known = { knowledge: catalog.knowledgeNames, suites: catalog.suiteNames };
  for (const file of overlayFiles) {
    const shownAs = `${LOCAL_OVERLAY_DIR}/${file}`;
    collect(() => problems.push(...unknownNames(loadOverlayFile(join(overlayDir, file), shownAs, shownAs), known)));
  }
  // Then the whole pipeline, which also renders every template for this project.
  if (found && problems.length === 0) collect(() => filePlanFor(found.config, resolveSelection(found.config, projectDir, found.source)));
  if (problems.length > 0) throw new UserError(problems[0]!, problems.slice(1));
  const summary = `valid: .scaffold/config.yml${overlayFiles.length ? ` and ${overlayFiles.length} local overlay file(s)` : ''}`;
  ctx.stdout(options.json ? `${JSON.stringify({ ok: true, command: 'validate', errors: [] }, null, 2)}\n` : `${summary}\n`);
  return 0;
}
