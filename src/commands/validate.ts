/** `scaffold validate [dir]`: check config.yml, the project's own content and its packs, listing every problem. */
import { combined, loadCatalog, type Catalog } from '../catalog/catalog.js';
import { readConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { pipeline, type Pipeline } from '../pipeline.js';
import { projectFolder, type CommandContext } from './context.js';
import { printEnvelope, printWarnings } from './envelope.js';

export async function validate(dirArg: string | undefined, options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, dirArg);
  const found = readConfig(projectDir);
  if (!found) throw new UserError(`no .scaffold/config.yml in ${projectDir}: run \`npx scaffold-overlays init\` there first`, [], { code: 'no-project' });
  const { config, source, warnings } = found;

  // Each step is checked even when an earlier one failed, so that one run lists every problem,
  // once: a broken entry of the project's own fails its own check and again when it renders.
  const problems: UserError[] = [];
  const said = new Set<string>();
  const attempt = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const text = [error.message, ...error.details].join('\n');
      if (!said.has(text)) problems.push(error);
      said.add(text);
      return undefined;
    }
  };
  // 1. Every overlay, entry and suite of the project's packs and its own content, selected or not
  const catalog = attempt(() => loadCatalog({ projectDir, packs: config.packs }));
  if (catalog) for (const read of ownContent(catalog)) attempt(read);
  // 2. The names the overlays use, then every template the project selects, rendered for it
  const run: Pipeline | undefined = catalog && attempt(() => pipeline({ projectDir, config, configSource: source, warnings }));
  if (run) attempt(() => run.files());
  if (problems.length > 0) {
    // An old depth number is said with the errors too: it needs fixing as much as they do.
    const { message, details, code, hint } = combined(problems);
    throw new UserError(message, details, { code, hint, warnings: run?.warnings ?? warnings });
  }

  const layers = run!.catalog.layers.length;
  // An old depth number is valid (read as its level), and said so.
  if (options.json) printEnvelope(ctx, 'validate', 0, { projectType: config.projectType, overlays: layers }, { warnings: run!.warnings });
  else printWarnings(ctx, run!.warnings);
  if (!options.json) ctx.stdout(`valid: .scaffold/config.yml${layers ? ` and ${layers} overlay file(s) from packs and .scaffold/overlays` : ''}\n`);
  return 0;
}

/** Reading each entry and suite that is not Scaffold's own (those the build checked). */
function ownContent(catalog: Catalog): (() => unknown)[] {
  return [
    ...[...catalog.knowledgeNames].filter((n) => catalog.originOf('knowledge', n) !== 'shipped').map((n) => () => catalog.entry(n)),
    ...[...catalog.suiteNames].filter((n) => catalog.originOf('suites', n) !== 'shipped').map((n) => () => catalog.suite(n)),
  ];
}
