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
    /** The month the entry's dated and versioned claims were last checked against its sources. */
    reviewed: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'reviewed must be a month like 2026-12' }).optional(),
    /** Official documentation behind the entry's dated or versioned claims, and what each one checks. */
    sources: z.array(z.strictObject({ url: z.url({ protocol: /^https$/ }), checks: z.string().min(10) })).optional(),
    /** One line for coding agents: when to read this entry. */
    when: z.string().min(10).max(200).optional(),
    /** The project files this entry applies to (agent rules attach to them). */
    globs: z.array(z.string().min(1)).optional(),
  }),
);

export interface KnowledgeEntry {
  name: string;
  description: string;
  topics: string[];
  tier: (typeof TIERS)[number];
  projectType: (typeof PROJECT_TYPE_IDS)[number];
  reviewed?: string;
  sources?: { url: string; checks: string }[];
  when?: string;
  globs?: string[];
  /** Path relative to the package root, for messages and the manifest's `source`. */
  file: string;
  body: string;
}

/** The sections every entry has, in order, after its title and intro. */
export const SECTIONS = ['Summary', 'Deep Guidance', 'Checklist'] as const;
/** Depth 1-2 renders the intro, Summary and Checklist; 3-5 renders everything. */
export const FULL_DEPTH = 3;
