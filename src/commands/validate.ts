/** `scaffold validate [dir]`: check config.yml, the project's own content and its packs, listing every problem. */
import { readConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { pipeline } from '../pipeline.js';
import { projectFolder, type CommandContext } from './context.js';

export async function validate(dirArg: string | undefined, options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, dirArg);
  const found = readConfig(projectDir);
  if (!found) throw new UserError(`no .scaffold/config.yml in ${projectDir}: run \`npx scaffold-overlays init\` there first`);
  // The whole pipeline short of writing: it reads every overlay, entry and suite the project
  // selects, checks every name, and renders every template for this project.
  const run = pipeline({ projectDir, config: found.config, configSource: found.source });
  run.files();
  const layers = run.catalog.layers.length;
  const summary = `valid: .scaffold/config.yml${layers ? ` and ${layers} overlay file(s) from packs and .scaffold/overlays` : ''}`;
  ctx.stdout(options.json ? `${JSON.stringify({ ok: true, command: 'validate', errors: [] }, null, 2)}\n` : `${summary}\n`);
  return 0;
}
