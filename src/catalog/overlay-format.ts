/**
 * One format for every overlay layer: presets, project-type overlays, packs' overlays, local
 * overlays (.scaffold/overlays/*.yml) and the inline `overlay:` of config.yml. How layers
 * combine is written down in src/overlays/README.md.
 */
import * as z from '../schema-library.js';
import { once } from '../once.js';
import { didYouMean } from '../source/suggest.js';
import type { Condition } from './conditions.js';
import { DEPTH_LEVELS, DEPTH_NAMES, type Depth } from './depth.js';
import { projectTypes } from './types.js';

/** Built on first use (src/once.ts): shipped overlays come checked from the build. */
const schemas = once(() => {
  const types = projectTypes();
  const names = z.array(z.string().check(z.minLength(1)));

  const listOps = z.strictObject({
    add: z.optional(names).check(z.describe('append these (duplicates ignored, first position wins)')),
    remove: z.optional(names).check(z.describe('drop these')),
    replace: z.optional(names).check(z.describe('swap the whole list for this one')),
  });

  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  /** `{ ml.servingPattern: [realtime, edge] }`: every key must hold; a list means any of. */
  const condition = z.record(z.string(), z.union([scalar, z.array(scalar)])).check(
    z.superRefine((cond, ctx) => {
      for (const [path, expected] of Object.entries(cond)) {
        const info = types.field(path)?.info;
        if (!info) {
          ctx.addIssue({ code: 'custom', path: [path], message: `unknown answer ${path}${didYouMean(path, types.all.map((f) => f.path))}` });
          continue;
        }
        const allowed = info.kind === 'boolean' ? [true, false] : info.choices.map((c) => c.value);
        for (const value of [expected].flat()) {
          if (!allowed.includes(value as never)) {
            ctx.addIssue({ code: 'custom', path: [path], message: `${path} is never ${JSON.stringify(value)}: expected ${allowed.join('|')}` });
          }
        }
      }
    }),
  );

  const changes = {
    depth: z.optional(depthSchema()),
    knowledge: z.optional(listOps).check(z.describe('knowledge entries')),
    suites: z.optional(listOps).check(z.describe('starter test suites')),
    variables: z.optional(z.record(z.string(), scalar)).check(z.describe('values templates can use')),
  };

  const whenBlock = z.strictObject({ if: condition, ...changes });

  const overlay = z.strictObject({
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    'project-type': z.optional(z.enum(types.ids as [string, ...string[]])),
    tiers: z
      .optional(z.strictObject({ knowledge: z.optional(names), suites: z.optional(names) }))
      .check(z.describe('presets: keep only these tiers of what the project-type overlay selects')),
    ...changes,
    when: z.optional(z.array(whenBlock)),
  });

  return { condition, overlay };
});

/** What a depth setting means, as the JSON Schema describes it. */
export const DEPTH_DESCRIPTION = `knowledge depth: ${DEPTH_NAMES.map((d) => `${d} = ${DEPTH_LEVELS[d]}`).join('; ')}`;

/** `summary | full`, each with its help, for config.yml and overlays alike. */
export function depthSchema() {
  return z.enum(DEPTH_NAMES).check(z.describe(DEPTH_DESCRIPTION));
}

export const overlaySchema = (): z.ZodMiniType<Overlay> => schemas().overlay as z.ZodMiniType<Overlay>;
/** `when:` of an overlay block or a suite.yml. */
export const conditionSchema = (): z.ZodMiniType<Condition> => schemas().condition;

export interface ListOps {
  add?: string[];
  remove?: string[];
  replace?: string[];
}

/** What a layer may change: the selection, the depth and the variables templates see. */
export interface OverlayChanges {
  depth?: Depth;
  knowledge?: ListOps;
  suites?: ListOps;
  variables?: Record<string, string | number | boolean>;
}

export interface Overlay extends OverlayChanges {
  name?: string;
  description?: string;
  'project-type'?: string;
  tiers?: { knowledge?: string[]; suites?: string[] };
  when?: (OverlayChanges & { if: Condition })[];
}
