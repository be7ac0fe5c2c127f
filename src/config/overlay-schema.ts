/**
 * One schema for every overlay layer: presets, project-type overlays, local overlays
 * (.scaffold/overlays/*.yml) and the inline `overlay:` of config.yml. How layers combine is
 * written down in src/overlays/README.md.
 */
import * as z from 'zod';
import { ALL_FIELDS, PROJECT_TYPE_IDS } from './project-types.js';
import { once } from '../once.js';
import { didYouMean } from './suggest.js';

const FIELD_PATHS = new Map(ALL_FIELDS.map((f) => [f.path, f.info]));

/** Built on first use (src/once.ts): shipped overlays come checked from the build. */
const schemas = once(() => {
  const names = z.array(z.string().min(1));

  const listOps = z.strictObject({
    add: names.optional().describe('append these (duplicates ignored, first position wins)'),
    remove: names.optional().describe('drop these'),
    replace: names.optional().describe('swap the whole list for this one'),
  });

  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  /** `{ ml.servingPattern: [realtime, edge] }`: every key must hold; a list means any of. */
  const condition = z.record(z.string(), z.union([scalar, z.array(scalar)])).superRefine((cond, ctx) => {
    for (const [path, expected] of Object.entries(cond)) {
      const info = FIELD_PATHS.get(path);
      if (!info) {
        ctx.addIssue({ code: 'custom', path: [path], message: `unknown answer ${path}${didYouMean(path, FIELD_PATHS.keys())}` });
        continue;
      }
      const allowed = info.kind === 'boolean' ? [true, false] : info.choices.map((c) => c.value);
      for (const value of [expected].flat()) {
        if (!allowed.includes(value as never)) {
          ctx.addIssue({
            code: 'custom',
            path: [path],
            message: `${path} is never ${JSON.stringify(value)}: expected ${allowed.join('|')}`,
          });
        }
      }
    }
  });

  const changes = {
    depth: z.int().min(1).max(5).optional().describe('knowledge depth 1-5: 1-2 summary, 3-5 full guidance'),
    knowledge: listOps.optional().describe('knowledge entries'),
    suites: listOps.optional().describe('starter test suites'),
    variables: z.record(z.string(), scalar).optional().describe('values templates can use'),
  };

  const whenBlock = z.strictObject({ if: condition, ...changes });

  const overlay = z.strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    'project-type': z.enum(PROJECT_TYPE_IDS).optional(),
    tiers: z
      .strictObject({ knowledge: names.optional(), suites: names.optional() })
      .optional()
      .describe('presets: keep only these tiers of what the project-type overlay selects'),
    ...changes,
    when: z.array(whenBlock).optional(),
  });

  return { listOps, condition, overlay };
});

export const overlaySchema = () => schemas().overlay;
/** `when:` of an overlay block or a suite.yml. */
export const conditionSchema = () => schemas().condition;

export type Overlay = z.infer<ReturnType<typeof overlaySchema>>;
export type ListOps = z.infer<ReturnType<typeof schemas>['listOps']>;
export type Condition = z.infer<ReturnType<typeof conditionSchema>>;
