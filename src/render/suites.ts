/**
 * Starter suites: templates/<suite>/suite.yml plus files/**. The tree under files/ mirrors the
 * output; `.hbs` files are rendered (path segments too), other files are copied as they are.
 * A template that renders to nothing but whitespace produces no file, so a file that only some
 * answers need wraps its whole body in one condition.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as z from 'zod';
import { conditionSchema } from '../config/overlay-schema.js';
import { formatIssues } from '../config/issues.js';
import { PROJECT_TYPE_IDS } from '../config/project-types.js';
import { knownKeys } from '../config/schema.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { builtData, readShipped } from '../compiled.js';
import { once, oncePerKey } from '../once.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { RenderContext } from './context.js';
import { matchesAny } from './glob.js';
import { compile } from './template.js';
import type { PlannedFile, Policy } from './plan-types.js';

export const SUITE_TIERS = ['unit', 'integration', 'quality', 'regression', 'performance', 'property', 'smoke'] as const;
const TEMPLATES_DIR = 'templates';

export const suiteSchema = once(() =>
  z.strictObject({
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(10),
    /** Omitted for suites any project type can use (the CI check). */
    'project-type': z.enum(PROJECT_TYPE_IDS).optional(),
    tier: z.enum(SUITE_TIERS),
    stack: z.enum(['python-pytest', 'typescript-vitest', 'swift-xctest', 'kotlin-junit', 'github-actions']),
    when: conditionSchema().optional(),
    requires: z.array(z.string()).default([]),
    /** Output paths (globs) created once and then left to the user. Everything else is managed. */
    seed: z.array(z.string()).default([]),
    /** JSON files shared with the user (package.json): merged key by key, never overwritten. */
    'merge-json': z.array(z.string()).default([]),
    /** How to run this suite, shown after init. */
    run: z.string().optional(),
  }),
);

export type Suite = z.infer<ReturnType<typeof suiteSchema>> & { dir: string };

export function listSuites(root = PACKAGE_ROOT): Map<string, string> {
  const base = join(root, TEMPLATES_DIR);
  const found = new Map<string, string>();
  if (!existsSync(base)) return found;
  for (const name of readdirSync(base).sort()) {
    if (existsSync(join(base, name, 'suite.yml'))) found.set(name, join(base, name));
  }
  return found;
}

export const readSuite = oncePerKey((dir: string): Suite => {
  const shown = `${relative(PACKAGE_ROOT, dir)}/suite.yml`;
  const text = readFileSync(join(dir, 'suite.yml'), 'utf8');
  return { ...(builtData<Omit<Suite, 'dir'>>(shown, text) ?? checkSuite(text, shown)), dir };
});

/** suite.yml parsed and checked; the build stores the result (src/compiled.ts). */
export function checkSuite(text: string, shown: string): Omit<Suite, 'dir'> {
  const source = parseYamlSource(text, shown);
  const result = suiteSchema().safeParse(source.data, { reportInput: true });
  if (!result.success) {
    throw new Error(formatIssues(result.error.issues, source, (p) => knownKeys(suiteSchema(), p)).join('; '));
  }
  return result.data;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
}

/** One file under a suite's files/: where it lands, whether it is a template, its text. */
interface SuiteFile {
  /** Path relative to the package: names the file in errors and in the build's artifacts. */
  source: string;
  /** The output path, which may hold variables (`src/{{packageName}}/model.py`). */
  path: string;
  isTemplate: boolean;
  text: string;
}

function suiteFiles(suite: Suite): SuiteFile[] {
  return filesUnder(join(suite.dir, 'files')).map((file) => ({
    source: `templates/${suite.name}/files/${file}`,
    path: file.endsWith('.hbs') ? file.slice(0, -4) : file,
    isTemplate: file.endsWith('.hbs'),
    text: readFileSync(join(suite.dir, 'files', file), 'utf8'),
  }));
}

type SourceText = { source: string; text: string };

/** A suite's templates (each `.hbs` file and each path that holds variables) and its copied files. */
export function suiteTemplates(suite: Suite): { templates: SourceText[]; copied: SourceText[] } {
  const templates: SourceText[] = [];
  const copied: SourceText[] = [];
  for (const { source, path, isTemplate, text } of suiteFiles(suite)) {
    if (path.includes('{{')) templates.push({ source: `${source}#path`, text: path });
    (isTemplate ? templates : copied).push({ source, text });
  }
  return { templates, copied };
}

export function renderSuite(suite: Suite, context: RenderContext): PlannedFile[] {
  const planned: PlannedFile[] = [];
  for (const { source, path: rawPath, isTemplate, text } of suiteFiles(suite)) {
    const path = rawPath.includes('{{') ? compile(rawPath, `${source}#path`)(context) : rawPath;
    // A copied file is checked against the build too, like every shipped file a render reads.
    if (!isTemplate) readShipped(source, text);
    const content = isTemplate ? compile(text, source)(context) : text;
    if (content.trim() === '') continue;
    planned.push({ path, content, policy: policyOf(suite, path), source: `suite ${suite.name}` });
  }
  return planned;
}

function policyOf(suite: Suite, path: string): Policy {
  if (matchesAny(path, suite['merge-json'])) return 'merge-json';
  return matchesAny(path, suite.seed) ? 'seed' : 'managed';
}
