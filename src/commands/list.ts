/** `scaffold list [types|knowledge|suites]`: what this Scaffold can generate. */
import { PROJECT_TYPE_IDS, PROJECT_TYPES } from '../config/project-types.js';
import { didYouMean } from '../config/suggest.js';
import { UserError } from '../errors.js';
import { contentCatalog } from '../overlays/catalog.js';
import type { CommandContext } from './context.js';

const KINDS = ['types', 'knowledge', 'suites'] as const;
type Kind = (typeof KINDS)[number];

export interface ListOptions {
  type?: string;
  json?: boolean;
}

interface Row {
  name: string;
  description: string;
  projectType?: string;
  tier?: string;
}

export async function list(kindArg: string | undefined, options: ListOptions, ctx: CommandContext): Promise<number> {
  if (kindArg !== undefined && !KINDS.includes(kindArg as Kind)) {
    throw new UserError(`unknown list "${kindArg}"${didYouMean(kindArg, KINDS)}: choose ${KINDS.join(', ')}`);
  }
  if (options.type !== undefined && !PROJECT_TYPE_IDS.includes(options.type as never)) {
    throw new UserError(`--type: expected ${PROJECT_TYPE_IDS.join('|')}, found "${options.type}"${didYouMean(options.type, PROJECT_TYPE_IDS)}`);
  }
  const kinds = kindArg ? [kindArg as Kind] : KINDS;
  const result: Partial<Record<Kind, Row[]>> = {};
  for (const kind of kinds) {
    result[kind] = rows(kind).filter((r) => !options.type || r.projectType === undefined || r.projectType === options.type);
  }
  if (options.json) {
    ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  for (const kind of kinds) {
    ctx.stdout(`${kind}:\n`);
    const items = result[kind]!;
    const width = Math.max(...items.map((r) => r.name.length));
    for (const r of items) {
      const tags = [r.tier, kind !== 'types' && !options.type ? r.projectType ?? 'any type' : undefined].filter(Boolean);
      ctx.stdout(`  ${r.name.padEnd(width)}  ${r.description}${tags.length ? ` [${tags.join(', ')}]` : ''}\n`);
    }
  }
  return 0;
}

function rows(kind: Kind): Row[] {
  if (kind === 'types') {
    return PROJECT_TYPE_IDS.map((t) => ({ name: t, description: PROJECT_TYPES[t].description, projectType: t }));
  }
  const catalog = contentCatalog();
  if (kind === 'knowledge') {
    return [...catalog.knowledgeNames].map((n) => {
      const e = catalog.entry(n);
      return { name: n, description: e.description, projectType: e.projectType, tier: e.tier };
    });
  }
  return [...catalog.suiteNames].map((n) => {
    const s = catalog.suite(n);
    return { name: n, description: s.description, projectType: s['project-type'], tier: s.tier };
  });
}
