/**
 * `scaffold show <entry>`: print a knowledge entry as it renders for this project. Outside a
 * project, the type's answer flags (or their defaults) stand in for config.yml.
 */
import { resolve } from 'node:path';
import { readTypeFlags } from '../answers/flags.js';
import { checkDepth, resolveAnswers } from '../answers/resolve.js';
import { loadCatalog } from '../catalog/catalog.js';
import { readConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { pipeline } from '../pipeline.js';
import { renderEntryRead } from '../render/knowledge.js';
import { didYouMean } from '../source/suggest.js';
import type { CommandContext } from './context.js';
import { printEnvelope, printWarnings } from './envelope.js';

export interface ShowOptions extends Record<string, unknown> {
  dir?: string;
  depth?: string;
  json?: boolean;
}

export async function show(name: string, options: ShowOptions, ctx: CommandContext): Promise<number> {
  const projectDir = resolve(ctx.cwd, options.dir ?? '.');
  const found = readConfig(projectDir);
  // The project's own entries and its packs' count when there is a project.
  const catalog = loadCatalog(found ? { projectDir, packs: found.config.packs } : {});
  if (!catalog.knowledgeNames.has(name)) {
    throw new UserError(`unknown knowledge entry "${name}"${didYouMean(name, catalog.knowledgeNames)}; \`scaffold list knowledge\` shows them all`);
  }
  const entry = catalog.entry(name);
  const type = entry.projectType ?? found?.config.projectType;
  if (!type) throw new UserError(`"${name}" is written for any project type: run show inside a project, or pass --dir`);
  const answers = await resolveAnswers({
    flags: { type, typeAnswers: readTypeFlags(options, type) },
    existing: found?.config.projectType === type ? found.config : undefined,
    folderName: 'my-project',
  }).catch((error: unknown) => {
    if (error instanceof UserError && !found) throw new UserError(`${error.message} (outside a project, pass the answers as flags)`);
    throw error;
  });
  // A project's packs still count when showing an entry of another type from inside it.
  const config = found?.config.packs ? { ...answers, packs: found.config.packs } : answers;
  const inProject = found?.config.projectType === type;
  const warnings = [...(found?.warnings ?? [])];
  const depthGiven = checkDepth(options.depth, warnings);
  const run = pipeline({ projectDir, config, configSource: inProject ? found.source : undefined, local: inProject, warnings });
  const depth = depthGiven ?? run.selection.depth;
  const text = renderEntryRead(run.catalog.entry(name), run.context(depth), depth);
  if (options.json) printEnvelope(ctx, 'show', 0, { entry: name, projectType: type, depth, text }, { warnings: run.warnings });
  else {
    printWarnings(ctx, run.warnings);
    ctx.stdout(text);
  }
  return 0;
}
