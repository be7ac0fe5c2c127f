/** `scaffold list [types|knowledge|suites|agents]`: what this Scaffold, the project's packs and its own content can generate. */
import { resolve } from 'node:path';
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import { projectTypes } from '../catalog/types.js';
import { readWorkspace } from '../config/workspace.js';
import { readConfig } from '../config/load.js';
import { AGENTS, DEFAULT_AGENTS, type Agent } from '../config/schema.js';
import { UserError } from '../errors.js';
import { didYouMean } from '../source/suggest.js';
import type { CommandContext } from './context.js';
import { printEnvelope, printWarnings } from './envelope.js';
import { findUnits } from './units.js';

const KINDS = ['types', 'knowledge', 'suites', 'agents', 'units'] as const;
type Kind = (typeof KINDS)[number];
/** What `scaffold list` shows without a kind: what Scaffold can generate (units are listed on request). */
const DEFAULT_KINDS: Kind[] = ['types', 'knowledge', 'suites', 'agents'];

export interface ListOptions {
  type?: string;
  json?: boolean;
}

interface Row {
  name: string;
  description: string;
  projectType?: string;
  tier?: string;
  /** shipped, local, or the pack's name. */
  origin?: string;
  /** A knowledge entry's review month (YYYY-MM): how old its facts may be. */
  reviewed?: string;
}

export async function list(kindArg: string | undefined, options: ListOptions, ctx: CommandContext): Promise<number> {
  if (kindArg !== undefined && !KINDS.includes(kindArg as Kind)) {
    throw new UserError(`unknown list "${kindArg}"${didYouMean(kindArg, KINDS)}: choose ${KINDS.join(', ')}`);
  }
  const types = projectTypes();
  if (options.type !== undefined && !types.has(options.type)) {
    throw new UserError(`--type: expected ${types.ids.join('|')}, found "${options.type}"${didYouMean(options.type, types.ids)}`);
  }
  // Inside a project, its packs and its own entries and suites are listed too.
  // (A workspace root is no project: only Scaffold's own.)
  const found = readWorkspace(resolve(ctx.cwd)) ? undefined : readConfig(resolve(ctx.cwd));
  const catalog = loadCatalog(found ? { projectDir: resolve(ctx.cwd), packs: found.config.packs } : {});
  const kinds = kindArg ? [kindArg as Kind] : DEFAULT_KINDS;
  const result: Partial<Record<Kind, Row[]>> = {};
  const chosen = found?.config.agents;
  for (const kind of kinds) {
    result[kind] = (kind === 'units' ? await unitRows(resolve(ctx.cwd)) : rows(kind, catalog, chosen)).filter((r) => !options.type || r.projectType === undefined || r.projectType === options.type);
  }
  // An old depth number in the project's config.yml or its overlays, said once.
  const warnings = [...(found?.warnings ?? []), ...catalog.layers.flatMap((l) => l.warnings)];
  if (options.json) {
    printEnvelope(ctx, 'list', 0, result, { warnings });
    return 0;
  }
  printWarnings(ctx, warnings);
  for (const kind of kinds) {
    ctx.stdout(`${kind}:\n`);
    const items = result[kind]!;
    const width = Math.max(...items.map((r) => r.name.length));
    for (const r of items) {
      const from = r.origin && r.origin !== 'shipped' ? (r.origin === 'local' ? 'this project' : `pack ${r.origin}`) : undefined;
      const type = kind !== 'types' && kind !== 'agents' && !options.type ? (r.projectType ?? 'any type') : undefined;
      const tags = [r.tier, type, from, r.reviewed && `reviewed ${r.reviewed}`].filter(Boolean);
      ctx.stdout(`  ${r.name.padEnd(width)}  ${r.description}${tags.length ? ` [${tags.join(', ')}]` : ''}\n`);
    }
  }
  return 0;
}

/** The units under the current folder, each with its type and name (or why its config cannot be read). */
async function unitRows(root: string): Promise<Row[]> {
  return findUnits(root).map((path) => {
    try {
      if (readWorkspace(resolve(root, path))) return { name: path, description: 'workspace root: the workflows of the units below', projectType: 'workspace' };
      const found = readConfig(resolve(root, path));
      return { name: path, description: found ? found.config.name : '', projectType: found?.config.projectType };
    } catch (error) {
      return { name: path, description: `(cannot read its config: ${(error as Error).message})` };
    }
  });
}

function rows(kind: Exclude<Kind, 'units'>, catalog: Catalog, chosen: Agent[] | undefined): Row[] {
  if (kind === 'agents') {
    // In a project, which it writes; elsewhere, which init writes by default.
    const on = new Set<string>(chosen ?? DEFAULT_AGENTS);
    return (Object.entries(AGENTS) as [Agent, string][]).map(([name, description]) => ({ name, description, tier: on.has(name) ? (chosen ? 'selected' : 'default') : undefined }));
  }
  if (kind === 'types') {
    return catalog.types.ids.map((t) => ({ name: t, description: catalog.types.get(t).description, projectType: t }));
  }
  if (kind === 'knowledge') {
    return [...catalog.knowledgeNames].map((n) => {
      const e = catalog.entry(n);
      return { name: n, description: e.description, projectType: e.projectType, tier: e.tier, origin: e.origin, reviewed: e.reviewed };
    });
  }
  return [...catalog.suiteNames].map((n) => {
    const s = catalog.suite(n);
    return { name: n, description: s.description, projectType: s.projectType, tier: s.tier, origin: s.origin };
  });
}
