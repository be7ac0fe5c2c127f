/**
 * Knowledge entries: `<name>.md` files, frontmatter and a Handlebars body. Scaffold's own live in
 * content/knowledge/<type>/; a pack's under its knowledge/ folder; a project's own under
 * .scaffold/knowledge/. All are read and checked by `readEntry`.
 */
import { createRequire } from 'node:module';
import * as z from '../schema-library.js';
import { UserError } from '../errors.js';
import { once } from '../once.js';
import { formatIssues } from '../source/problems.js';
import { parseYamlSource } from '../source/source.js';
import { parseTemplate } from '../template/parse.js';
import type { TemplateTree } from '../template/tree.js';
import { fromBuild } from './built.js';
import { projectTypes } from './types.js';

const require = createRequire(import.meta.url);

export const TIERS = ['core', 'extended'] as const;
/** The sections every entry has, in order, after its title and intro. */
export const SECTIONS = ['Summary', 'Deep Guidance', 'Checklist'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const frontmatter = once(() =>
  z.strictObject({
    name: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    description: z.string().check(z.minLength(20)),
    topics: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    tier: z.enum(TIERS),
    /** Omitted in a project's own entry (it is for that project) or a pack's entry for any type. */
    'project-type': z.optional(z.enum(projectTypes().ids as [string, ...string[]])),
    /** The month the entry's dated and versioned claims were last checked against its sources. */
    reviewed: z.optional(z.string().check(z.regex(MONTH, { message: 'reviewed must be a month like 2026-12' }))),
    /** Official documentation behind the entry's dated or versioned claims, and what each one checks. */
    sources: z.optional(z.array(z.strictObject({ url: z.url({ protocol: /^https$/ }), checks: z.string().check(z.minLength(10)) }))),
    /** One line for coding agents: when to read this entry. */
    when: z.optional(z.string().check(z.minLength(10), z.maxLength(200))),
    /** The project files this entry applies to (agent rules attach to them). */
    globs: z.optional(z.array(z.string().check(z.minLength(1)))),
    /** A pack's or a project's entry that takes the place of one with the same name. */
    replaces: z.optional(z.boolean()),
  }),
);

export type EntryMeta = Omit<z.infer<ReturnType<typeof frontmatter>>, 'project-type'> & { projectType?: string };

export interface KnowledgeEntry extends EntryMeta {
  /** Where it was read, as shown in messages and recorded as the file's source. */
  file: string;
  /** `shipped`, `local` (the project's own) or the pack's name. */
  origin: string;
  /**
   * The body as a template. A shipped entry's is taken from the build each time it is asked for,
   * and not kept: a run asks once, to render the entry (built.ts, "bodies").
   */
  template(): TemplateTree;
  /** The Markdown after the frontmatter, read from the file when asked for (runs need only `template`). */
  body(): string;
}

/** An entry's frontmatter as the build stores it, with where its body starts. */
type Checked = EntryMeta & { bodyAt: number };

/**
 * `read` gives the file's text; `file` is the path shown in messages. Shipped entries (`origin`
 * shipped) come from the build's copy, read only when that copy may be stale (built.ts). The
 * file name must be the entry's name.
 */
export function readEntry(read: () => string, file: string, origin: string): KnowledgeEntry {
  const text = once(read);
  const shipped = origin === 'shipped';
  const derive = (t: string) => checkEntry(t, file, shipped);
  const { bodyAt, ...meta } = shipped ? fromBuild(file, 'data', text, derive) : derive(text());
  const body = () => text().slice(bodyAt);
  let template: () => TemplateTree;
  if (shipped) template = () => fromBuild(file, 'body', body, (b) => parseTemplate(b, file));
  else {
    // A pack's or the project's own: a broken template is found when the catalog is read.
    const tree = parseEntryBody(body(), file);
    template = () => tree;
  }
  return { ...meta, file, origin, template, body };
}

function parseEntryBody(body: string, file: string): TemplateTree {
  try {
    return parseTemplate(body, file);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

/**
 * Frontmatter parsed and checked; problems name the file and line. The build does this for
 * every shipped entry, so the frontmatter parser runs only for an entry changed since, a pack's
 * or a project's own.
 */
export function checkEntry(text: string, file: string, shipped: boolean): Checked {
  const matter = require('gray-matter') as typeof import('gray-matter');
  const parsed = matter(text, { engines: { yaml: () => ({}) } });
  if (!text.startsWith('---')) throw new UserError(`${file}:1: a knowledge entry starts with frontmatter between --- lines (name, description, topics, tier)`);
  // gray-matter's `matter` keeps the newline after the opening `---`: its lines are the file's.
  const source = parseYamlSource(parsed.matter, file);
  const result = frontmatter().safeParse(source.data, { reportInput: true });
  if (!result.success) {
    const lines = formatIssues(result.error.issues, source);
    throw new UserError(lines[0]!, lines.slice(1));
  }
  const { 'project-type': projectType, ...data } = result.data;
  const baseName = file.split('/').pop()!.replace(/\.md$/, '');
  if (data.name !== baseName) throw new UserError(`${file}:${source.lineOf(['name'])}: name "${data.name}" must match the file name (${baseName}.md)`);
  if (shipped && (!projectType || !file.endsWith(`/${projectType}/${data.name}.md`))) {
    throw new UserError(`${file}: a shipped entry sits in content/knowledge/<its project-type>/`);
  }
  // Scaffold's own entries carry their provenance and their pointers for agents (optional in packs).
  const missing = shipped ? (['reviewed', 'sources', 'when', 'globs'] as const).filter((key) => data[key] === undefined) : [];
  if (missing.length > 0) throw new UserError(`${file}: a shipped entry needs ${missing.join(', ')} in its frontmatter (README "Your own content")`);
  const body = parsed.content;
  return { ...data, ...(projectType && { projectType }), bodyAt: text.length - body.length };
}
