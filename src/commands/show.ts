/**
 * `scaffold show <entry>`: print a knowledge entry as it renders for this project. Outside a
 * project, the type's answer flags (or their defaults) stand in for config.yml.
 */
import { resolve } from 'node:path';
import { readTypeFlags } from '../answers/flags.js';
import { resolveAnswers } from '../answers/resolve.js';
import { readConfig } from '../config/load.js';
import { didYouMean } from '../config/suggest.js';
import { UserError } from '../errors.js';
import { renderEntryBody } from '../knowledge/render.js';
import { contentCatalog } from '../overlays/catalog.js';
import { renderContext } from '../render/context.js';
import type { CommandContext } from './context.js';
import { resolveSelection } from './project.js';

export interface ShowOptions extends Record<string, unknown> {
  dir?: string;
  depth?: string;
}

export async function show(name: string, options: ShowOptions, ctx: CommandContext): Promise<number> {
  const catalog = contentCatalog();
  if (!catalog.knowledgeNames.has(name)) {
    throw new UserError(`unknown knowledge entry "${name}"${didYouMean(name, catalog.knowledgeNames)}; \`scaffold list knowledge\` shows them all`);
  }
  const entry = catalog.entry(name);
  const projectDir = resolve(ctx.cwd, options.dir ?? '.');
  const found = readConfig(projectDir);
  const typeAnswers = readTypeFlags(options, entry.projectType);
  const config = await resolveAnswers({
    flags: { type: entry.projectType, typeAnswers },
    existing: found?.config.projectType === entry.projectType ? found.config : undefined,
    folderName: 'my-project',
  }).catch((error: unknown) => {
    if (error instanceof UserError && !found) throw new UserError(`${error.message} (outside a project, pass the answers as flags)`);
    throw error;
  });
  const { resolved } = resolveSelection(config, found ? projectDir : undefined, found?.source);
  const depth = options.depth !== undefined ? Number(options.depth) : resolved.depth;
  if (!Number.isInteger(depth) || depth < 1 || depth > 5) throw new UserError(`--depth: expected 1-5, found "${options.depth}"`);
  ctx.stdout(renderEntryBody(entry, renderContext(config, depth, resolved.variables, resolved.knowledge.map((s) => s.name)), depth));
  return 0;
}
