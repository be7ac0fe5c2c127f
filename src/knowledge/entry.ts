/** A knowledge entry: content/knowledge/<type>/<name>.md, frontmatter + a Handlebars body. */
import * as z from 'zod';
import { PROJECT_TYPE_IDS } from '../config/project-types.js';
import { once } from '../once.js';

export const TIERS = ['core', 'extended'] as const;

export const entryFrontmatter = once(() =>
  z.strictObject({
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(20),
    topics: z.array(z.string().min(1)).min(1),
    tier: z.enum(TIERS),
    'project-type': z.enum(PROJECT_TYPE_IDS),
  }),
);

export interface KnowledgeEntry {
  name: string;
  description: string;
  topics: string[];
  tier: (typeof TIERS)[number];
  projectType: (typeof PROJECT_TYPE_IDS)[number];
  /** Path relative to the package root, for messages and the manifest's `source`. */
  file: string;
  body: string;
}

/** The sections every entry has, in order, after its title and intro. */
export const SECTIONS = ['Summary', 'Deep Guidance', 'Checklist'] as const;
/** Depth 1-2 renders the intro, Summary and Checklist; 3-5 renders everything. */
export const FULL_DEPTH = 3;
