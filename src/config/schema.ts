/**
 * The schema of .scaffold/config.yml: the single source of truth for config types, defaults and
 * cross-field rules, derived from the project types (src/catalog/types.ts); json-schema.ts turns
 * it into the JSON Schema editors use (`scaffold schema`).
 */
import * as z from '../schema-library.js';
import { CUSTOM_DEFAULT_DEPTH, type Depth } from '../catalog/depth.js';
import { DEPTH_DESCRIPTION, depthSchema, overlaySchema, type Overlay } from '../catalog/overlay-format.js';
import { projectTypes } from '../catalog/types.js';
import { once, oncePerKey } from '../once.js';
import { sectionSchema } from './sections.js';

export const METHODOLOGIES = {
  deep: 'every knowledge entry in full and every suite tier',
  mvp: 'the core entries at summary depth and the unit and smoke suites',
  custom: 'choose the depth and toggle entries and suites yourself',
} as const;
export type Methodology = keyof typeof METHODOLOGIES;

/** The coding agents whose files Scaffold writes, each with its one line of help (README "For coding agents"). */
export const AGENTS = {
  'agents-md': 'AGENTS.md: the project\'s commands and its knowledge index (Codex, Cursor, Copilot, Gemini CLI and most agents read it)',
  claude: 'CLAUDE.md importing AGENTS.md (Claude Code)',
  cursor: 'Cursor rules in .cursor/rules/: one always applied, one per knowledge entry attached to its files',
  copilot: 'GitHub Copilot instructions: .github/copilot-instructions.md and one per entry for its files',
  skills: 'one Agent Skill per knowledge entry, in .agents/skills/ and .claude/skills/',
  mcp: 'the read-only MCP server `scaffold mcp`, configured for each selected agent',
} as const;
export type Agent = keyof typeof AGENTS;
export const AGENT_IDS = Object.keys(AGENTS) as [Agent, ...Agent[]];
export const DEFAULT_AGENTS: Agent[] = ['agents-md', 'claude'];

/**
 * How often the refresh workflow looks for a newer Scaffold and opens a pull request with it
 * (the scaffold-refresh suite); unset: weekly where the methodology selects it (deep), else off.
 */
export const REFRESH = { weekly: 'every Monday', daily: 'every day', monthly: 'on the first of every month', off: 'no refresh workflow' } as const;
export type Refresh = keyof typeof REFRESH;
export const REFRESH_SUITE = 'scaffold-refresh';
/** The wizard's and the explore page's question for `refresh`. */
export const REFRESH_QUESTION = 'How often should a pull request bring a newer Scaffold?';

/** Built on first use, like every schema here (src/once.ts). */
export const projectName = once(() =>
  z.string().check(
    z.regex(/^[a-z0-9][a-z0-9._-]*$/, {
      message: 'name must start with a lowercase letter or digit and use only a-z, 0-9, ".", "_" and "-" (like fraud-model)',
    }),
    z.maxLength(214),
  ),
);

const common = once(() => ({
  version: z._default(z.literal(1), 1).check(z.describe('config format version')),
  name: projectName().check(z.describe('project name, used in generated files and package names')),
  methodology: z._default(z.enum(Object.keys(METHODOLOGIES) as [Methodology, ...Methodology[]]), 'deep').check(z.describe('deep | mvp | custom')),
  depth: z.optional(depthSchema()).check(z.describe(`${DEPTH_DESCRIPTION}; only with methodology custom (default ${CUSTOM_DEFAULT_DEPTH})`)),
  packs: z
    .optional(z.array(z.string().check(z.minLength(1))))
    .check(z.describe('content packs: npm packages in the project\'s node_modules, or folders given as ./relative paths')),
  agents: z
    ._default(z.array(z.enum(AGENT_IDS)), DEFAULT_AGENTS)
    .check(z.describe(`files for coding agents: ${AGENT_IDS.join(', ')} (default ${DEFAULT_AGENTS.join(', ')})`)),
  refresh: z
    .optional(z.enum(Object.keys(REFRESH) as [Refresh, ...Refresh[]]))
    .check(z.describe('how often a workflow opens a pull request with a newer Scaffold: weekly, daily, monthly or off (default: weekly with methodology deep, else off)')),
}));

/** The keys every config has, whatever its type: for the JSON Schema. */
export const commonSchema = once(() => z.strictObject(common()));

const overlayField = once(() => z.optional(overlaySchema()).check(z.describe('inline overlay, applied after local overlays')));

/**
 * The shape of a config of one type. Without `overlay` for a config that has none: the overlay
 * schema is the largest piece to build, and most configs do without it.
 */
function shape(type: string, withOverlay: boolean) {
  return z.strictObject({
    ...common(),
    ...(withOverlay && { overlay: overlayField() }),
    projectType: z.literal(type),
    // prefault({}) lets `projectType: ml` without an `ml:` section report the missing field inside it.
    [projectTypes().get(type).key]: z.prefault(sectionSchema(type), {}),
  });
}

const shapeWithOverlay = oncePerKey((type: string) => shape(type, true));
const shapeWithoutOverlay = oncePerKey((type: string) => shape(type, false));

/** The rules across fields, and the default depth of custom, on top of the shape. */
function withRules<T extends z.ZodMiniType<{ methodology: Methodology; depth?: Depth }>>(schema: T) {
  const checked = schema.check(
    z.superRefine((config, ctx) => {
      if (config.methodology !== 'custom' && config.depth !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['depth'],
          input: config.depth,
          message: `depth is set by methodology ${config.methodology}: remove depth, or set methodology: custom to choose it`,
        });
      }
    }),
  );
  return z.pipe(
    checked,
    z.transform((config: z.output<T>) => (config.methodology === 'custom' && config.depth === undefined ? { ...config, depth: CUSTOM_DEFAULT_DEPTH } : config)),
  );
}

const configWithOverlay = oncePerKey((type: string): z.ZodMiniType => withRules(shapeWithOverlay(type)));
const configWithoutOverlay = oncePerKey((type: string): z.ZodMiniType => withRules(shapeWithoutOverlay(type)));

/** The schema of a config of one project type: what validating a config usually needs. */
export function configSchemaFor(type: string, withOverlay = true): z.ZodMiniType {
  return withOverlay ? configWithOverlay(type) : configWithoutOverlay(type);
}

/**
 * Every type at once: for the JSON Schema, for unknown-key hints, and for a config whose
 * projectType is missing or not a type (the union names the allowed ones).
 */
export const configSchema = once(() =>
  withRules(z.discriminatedUnion('projectType', projectTypes().ids.map(shapeWithOverlay) as [ReturnType<typeof shape>, ...ReturnType<typeof shape>[]])),
);

/** A validated config; the type's answers sit under its key (`config.ml`, `config.dataPipeline`, ...). */
export type Config = {
  version: 1;
  name: string;
  projectType: string;
  methodology: Methodology;
  depth?: Depth;
  packs?: string[];
  agents: Agent[];
  refresh?: Refresh;
  overlay?: Overlay;
} & Record<string, unknown>;

/** The answers of the config's own type (`config.ml`, `config.dataPipeline`, ...). */
export function sectionOf(config: Config): Record<string, unknown> {
  return (config[projectTypes().get(config.projectType).key] ?? {}) as Record<string, unknown>;
}

/**
 * The keys a YAML map at `path` may hold, for "unknown key" hints. `projectType` picks the
 * config's own variant, so an ml config is not told about the library section.
 */
export function knownKeys(schema: z.ZodMiniType, path: PropertyKey[], projectType?: unknown): string[] {
  const keys = new Set<string>();
  const visit = (node: z.ZodMiniType, rest: PropertyKey[]): void => {
    const def = (node as unknown as { def: Record<string, unknown> & { type: string } }).def;
    const inner = (def.innerType ?? def.in) as z.ZodMiniType | undefined;
    if (inner && ['optional', 'default', 'prefault', 'nullable', 'pipe'].includes(def.type)) return visit(inner, rest);
    if (def.type === 'union') {
      const options = def.options as z.ZodMiniType[];
      const own = options.filter((o) => (o as unknown as { shape?: { projectType?: { def: { values: unknown[] } } } }).shape?.projectType?.def.values.includes(projectType));
      return (own.length ? own : options).forEach((o) => visit(o, rest));
    }
    if (def.type === 'array' && typeof rest[0] === 'number') return visit(def.element as z.ZodMiniType, rest.slice(1));
    if (def.type !== 'object') return;
    const shape = def.shape as Record<string, z.ZodMiniType>;
    if (rest.length === 0) Object.keys(shape).forEach((k) => keys.add(k));
    else if (shape[String(rest[0])]) visit(shape[String(rest[0])]!, rest.slice(1));
  };
  visit(schema, path);
  return [...keys];
}
