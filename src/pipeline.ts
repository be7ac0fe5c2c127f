/**
 * The one path from a project's answers to its files, which every command takes:
 *
 *   1. catalog   what can be selected: Scaffold's content, the config's packs, the project's own
 *   2. check     every name a layer uses exists and fits this project type
 *   3. select    merge the layers into the Selection (overlays/merge.ts, pure)
 *   4. render    the Selection into the FilePlan (render/plan.ts, pure), plus config.schema.json
 *   5. sync      compare the FilePlan with the disk and apply it (sync/), when asked to
 *
 * `show` and `validate` stop after the render; `init` and `update` sync. A workspace root (a
 * monorepo's, holding its units' workflows) takes `workspacePipeline` below instead.
 */
import { join } from 'node:path';
import { loadCatalog, type Catalog } from './catalog/catalog.js';
import type { Depth } from './catalog/depth.js';
import { inputsHash } from './catalog/inputs.js';
import { unknownNames, type Layer } from './catalog/layers.js';
import { shippedRenames } from './catalog/renames.js';
import { workspaceAbove } from './catalog/workspace-root.js';
import { configSchemaText } from './config/json-schema.js';
import { readConfig } from './config/load.js';
import { REFRESH_SUITE, type Config } from './config/schema.js';
import type { WorkspaceConfig } from './config/workspace.js';
import { UserError } from './errors.js';
import { once } from './once.js';
import { select, type Selection } from './overlays/merge.js';
import { scaffoldVersion } from './package-root.js';
import { CONFIG_FILE, LOCAL, SCHEMA_FILE } from './project-files.js';
import { renderContext, type RenderContext } from './render/context.js';
import type { FilePlan } from './render/file-plan.js';
import { renderFilePlan } from './render/plan.js';
import { renderWorkspacePlan, WORKFLOWS_DIR } from './render/workspace.js';
import type { Source } from './source/source.js';
import type { DiskOps } from './sync/disk-ops.js';
import { syncProject, type SyncOutcome } from './sync/sync.js';

export interface PipelineInput {
  projectDir: string;
  config: Config;
  /** config.yml as parsed, so problems in its inline overlay name their line. */
  configSource?: Source;
  /** false: the folder is not this config's project (`show` outside a project): no local content. */
  local?: boolean;
  /** init, and update rewriting an old depth number: config.yml as this run leaves it, planned and written with the other files. */
  configText?: string;
  /** What reading the answers warned about (an old depth number in config.yml, a flag or an answers file). */
  warnings?: string[];
  /**
   * A unit inside a workspace renders no `.github/workflows/` (GitHub reads only the root's; the
   * workspace's hold them). Default: whether a workspace root is above the project.
   */
  inWorkspace?: boolean;
}

export interface SyncRequest {
  /** false for --dry-run and --check: decide and report, write nothing. */
  write: boolean;
  force: boolean;
  restore: string[];
  /** Where writes go (tests stop a run at any step); omitted: the real disk. */
  disk?: DiskOps;
}

export interface Pipeline {
  catalog: Catalog;
  selection: Selection;
  /** The input's warnings, then each old depth number in an overlay file: every command reports them. */
  warnings: string[];
  /** What templates see, at the selection's depth or another (`show --depth`). */
  context(depth?: Depth): RenderContext;
  /** Every file Scaffold would write for this project, rendered on first use. */
  files(): FilePlan;
  /** Compare the files with the disk and apply them under the lock (unless `write` is false). */
  sync(request: SyncRequest): Promise<SyncOutcome>;
}

export function pipeline(input: PipelineInput): Pipeline {
  const { projectDir, config } = input;
  const local = input.local !== false;
  // 1. catalog
  const catalog = loadCatalog({ projectDir: local ? projectDir : undefined, packs: config.packs });
  // 2. check
  const inline: Layer | undefined = config.overlay && {
    label: 'config.yml overlay',
    overlay: config.overlay,
    // Chosen in the wizard when there is no file: only names the wizard offered.
    source: input.configSource ?? { file: 'the wizard', data: {}, lineOf: () => undefined },
    at: ['overlay'],
    // Its old depth numbers were read, and warned about, with config.yml.
    warnings: [],
  };
  checkLayers(catalog, config, inline);
  // 3. select
  const selection = select(config, catalog, inline);
  const version = scaffoldVersion();
  const inWorkspace = input.inWorkspace ?? (local && workspaceAbove(projectDir) !== undefined);
  // 4. render
  const files = once((): FilePlan => {
    const plan = renderFilePlan(config, selection, catalog, version).filter((f) => !(inWorkspace && f.path.startsWith(WORKFLOWS_DIR)));
    plan.unshift({ path: SCHEMA_FILE, content: configSchemaText(catalog), policy: 'managed', source: 'config schema' });
    if (input.configText !== undefined) plan.unshift({ path: CONFIG_FILE, content: input.configText, policy: 'config', source: 'answers' });
    return plan;
  });
  return {
    catalog,
    selection,
    warnings: [...(input.warnings ?? []), ...catalog.layers.flatMap((l) => l.warnings)],
    context: (depth) => renderContext(config, selection, catalog.types, version, depth),
    files,
    // 5. sync
    sync: (request) =>
      syncProject({
        projectDir,
        files: files(),
        projectType: config.projectType,
        selection: { ...selection },
        renames: shippedRenames,
        // An overlay's old depth number is not rewritten: no hash, so update's fast path, which
        // reads no overlay, cannot hide its warning; every run takes the slow path until it is fixed.
        inputsHash: catalog.layers.some((l) => l.warnings.length > 0) ? undefined : inputsHash(projectDir, catalog.packs.map((p) => p.root), input.configText),
        packRoots: catalog.packs.map((p) => p.root),
        version,
        ...request,
      }),
  };
}

/** Every name a layer uses must exist and fit; the project's own overlays must be for its type. */
function checkLayers(catalog: Catalog, config: Config, inline: Layer | undefined): void {
  const layers = [catalog.preset(config.methodology), catalog.typeOverlay(config.projectType), ...catalog.layers, ...(inline ? [inline] : [])];
  const problems = layers.flatMap((layer) => {
    const forType = layer.overlay['project-type'];
    if (forType && forType !== config.projectType) {
      // A pack's overlay for another type simply does not apply; the project's own is a mistake.
      if (!layer.source.file.startsWith(LOCAL.overlays)) return [];
      return [`${layer.source.file}:${layer.source.lineOf(['project-type'])}: this overlay is for ${forType} projects, but this project is ${config.projectType}; remove project-type or the file`];
    }
    return unknownNames(layer, catalog.known, config.projectType);
  });
  if (problems.length > 0) throw new UserError(problems[0]!, problems.slice(1));
}

export interface WorkspaceInput {
  projectDir: string;
  config: WorkspaceConfig;
  /** The units below the root (commands/units.ts finds them), relative, with `/` separators. */
  units: string[];
  /** init: config.yml as this run leaves it. */
  configText?: string;
}

/**
 * A workspace root: each unit's config read and its own workflows rendered (as they would be
 * outside a workspace), then the root's files from them (render/workspace.ts). Never on update's
 * fast path: no inputs hash is recorded, since the units are inputs too.
 */
export function workspacePipeline(input: WorkspaceInput): { files(): FilePlan; sync(request: SyncRequest): Promise<SyncOutcome> } {
  const { projectDir, config, units } = input;
  const version = scaffoldVersion();
  const files = once((): FilePlan => {
    const catalog = loadCatalog({});
    const workflows = units.map((unit) => ({ path: unit, workflows: unitWorkflows(join(projectDir, unit), unit) }));
    const plan = renderWorkspacePlan({ version, refresh: config.refresh, ci: catalog.suite('scaffold-ci'), refreshSuite: catalog.suite(REFRESH_SUITE), units: workflows });
    if (input.configText !== undefined) plan.unshift({ path: CONFIG_FILE, content: input.configText, policy: 'config', source: 'answers' });
    return plan;
  });
  return {
    files,
    sync: (request) => syncProject({ projectDir, files: files(), projectType: 'workspace', selection: { units }, version, ...request }),
  };
}

/** A unit's workflows but the drift check and the refresh (the root's run over every unit). */
function unitWorkflows(unitDir: string, unit: string): FilePlan {
  try {
    const found = readConfig(unitDir);
    if (!found) return [];
    const own = pipeline({ projectDir: unitDir, config: found.config, configSource: found.source, inWorkspace: false }).files();
    return own.filter((f) => f.path.startsWith(WORKFLOWS_DIR) && !/^suite scaffold-(ci|refresh)$/.test(f.source));
  } catch (error) {
    // Named from the root: `packages/sdk/.scaffold/config.yml:3: ...`.
    const at = (line: string) => (line.startsWith('.scaffold/') ? `${unit}/${line}` : `${unit}: ${line}`);
    if (error instanceof UserError) throw new UserError(at(error.message), error.details.map(at), { code: error.code, hint: error.hint });
    throw error;
  }
}
