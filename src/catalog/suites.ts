/**
 * Starter suites: a folder holding suite.yml plus files/, whose tree mirrors the output. `.hbs`
 * files are templates (path segments may hold variables too); other files are copied as they
 * are. Scaffold's own live in templates/<suite>/; a pack's under its suites/ folder; a project's
 * own under .scaffold/suites/. The format is written down in templates/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../schema-library.js';
import { UserError } from '../errors.js';
import { once } from '../once.js';
import { formatIssues } from '../source/problems.js';
import { parseYamlSource } from '../source/source.js';
import { parseTemplate } from '../template/parse.js';
import type { TemplateTree } from '../template/tree.js';
import { fromBuild, shippedFilesUnder } from './built.js';
import type { Condition } from './conditions.js';
import { filesUnder } from './files.js';
import { matchesAny } from './glob.js';
import { conditionSchema } from './overlay-format.js';
import { projectTypes } from './types.js';

export const SUITE_TIERS = ['unit', 'integration', 'quality', 'regression', 'performance', 'property', 'smoke'] as const;
export const STACKS = ['python-pytest', 'typescript-vitest', 'swift-xctest', 'kotlin-junit', 'github-actions'] as const;

const suiteFormat = once(() =>
  z.strictObject({
    name: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    description: z.string().check(z.minLength(10)),
    /** Omitted for suites any project type can use (the CI check). */
    'project-type': z.optional(z.enum(projectTypes().ids as [string, ...string[]])),
    tier: z.enum(SUITE_TIERS),
    stack: z.enum(STACKS),
    when: z.optional(conditionSchema()),
    requires: z._default(z.array(z.string()), []),
    /** Output paths (globs) created once and then left to the user. Everything else is managed. */
    seed: z._default(z.array(z.string()), []),
    /** JSON files shared with the user (package.json): merged key by key, never overwritten. */
    'merge-json': z._default(z.array(z.string()), []),
    /** Files the user writes too, where Scaffold owns one marked block (a conftest.py line). */
    block: z._default(z.array(z.string()), []),
    /** Like block, holding only the lines the file lacks (.gitignore). */
    lines: z._default(z.array(z.string()), []),
    /** How to run this suite's tests (a base suite's: all of them), shown after init and to agents. */
    run: z.optional(z.string()),
    /** A base suite's setup: what to run once before its commands (install dependencies). */
    install: z.optional(z.string()),
    /** The same setup with uv, printed instead when uv is on the PATH (it needs no venv module). */
    'install-uv': z.optional(z.string()),
    /** What every new shell needs before the commands (activate a virtual environment). */
    activate: z.optional(z.string()),
    /** How to type-check and lint the project, when the suite sets that up. */
    typecheck: z.optional(z.string()),
    lint: z.optional(z.string()),
    /** A pack's or a project's suite that takes the place of one with the same name. */
    replaces: z.optional(z.boolean()),
  }),
);

export interface SuiteMeta {
  name: string;
  description: string;
  projectType?: string;
  tier: (typeof SUITE_TIERS)[number];
  stack: (typeof STACKS)[number];
  when?: Condition;
  requires: string[];
  seed: string[];
  mergeJson: string[];
  block: string[];
  lines: string[];
  run?: string;
  install?: string;
  installUv?: string;
  activate?: string;
  typecheck?: string;
  lint?: string;
  replaces?: boolean;
}

/** One file under a suite's files/. */
export interface SuiteFile {
  /** Names the file in errors, in the build's artifacts and in templates' error messages. */
  source: string;
  /** The output path, when it holds no variables. */
  path?: string;
  /** The output path as a template (`src/{{packageName}}/model.py`). */
  pathTemplate?: TemplateTree;
  /** A `.hbs` file's template; otherwise `text` is copied as it is. */
  template?: TemplateTree;
  text?: string;
}

export interface Suite extends SuiteMeta {
  /** suite.yml as shown in messages. */
  file: string;
  origin: string;
  /** Read on first use: listing suites should not read every template. */
  files(): SuiteFile[];
}

/** `dir` holds suite.yml; `shown` is how messages name that folder (`templates/ml-unit`). */
export function readSuite(dir: string, shown: string, origin: string): Suite {
  const file = `${shown}/suite.yml`;
  const read = () => readFileSync(join(dir, 'suite.yml'), 'utf8');
  const shipped = origin === 'shipped';
  const meta = shipped ? fromBuild(file, 'data', read, (text) => checkSuite(text, file)) : checkSuite(read(), file);
  if (meta.name !== shown.split('/').pop()) throw new UserError(`${file}: name "${meta.name}" must match the folder name`);
  return { ...meta, file, origin, files: once(() => suiteFiles(dir, shown, shipped)) };
}

/** suite.yml parsed and checked; problems name the file and line. The build stores the result. */
export function checkSuite(text: string, file: string): SuiteMeta {
  const source = parseYamlSource(text, file);
  const result = suiteFormat().safeParse(source.data, { reportInput: true });
  if (!result.success) {
    const lines = formatIssues(result.error.issues, source);
    throw new UserError(lines[0]!, lines.slice(1));
  }
  const { 'project-type': projectType, 'merge-json': mergeJson, 'install-uv': installUv, ...rest } = result.data;
  return { ...rest, ...(projectType && { projectType }), ...(installUv && { installUv }), mergeJson };
}

/**
 * A suite's templates and copied files, as the build and the render see them; `read` gives the
 * text. `listed`: the files under its files/ folder when known already (a shipped suite's, from
 * the build's record).
 */
export function suiteSources(dir: string, shown: string, listed = filesUnder(join(dir, 'files'))): { source: string; path: string; read: () => string; isTemplate: boolean }[] {
  return listed.map((f) => ({
    source: `${shown}/files/${f}`,
    path: f.endsWith('.hbs') ? f.slice(0, -4) : f,
    read: () => readFileSync(join(dir, 'files', f), 'utf8'),
    isTemplate: f.endsWith('.hbs'),
  }));
}

function suiteFiles(dir: string, shown: string, shipped: boolean): SuiteFile[] {
  const parse = (source: string, read: () => string): TemplateTree => {
    if (shipped) return fromBuild(source, 'template', read, (text) => parseTemplate(text, source));
    try {
      return parseTemplate(read(), source);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  };
  const listed = shipped ? shippedFilesUnder(`${shown}/files`) : undefined;
  return suiteSources(dir, shown, listed).map(({ source, path, read, isTemplate }) => ({
    source,
    ...(path.includes('{{') ? { pathTemplate: parse(`${source}#path`, () => path) } : { path }),
    ...(isTemplate ? { template: parse(source, read) } : { text: read() }),
  }));
}

/** A suite file's policy (src/render/file-plan.ts): managed unless suite.yml says otherwise. */
export function policyOf(suite: SuiteMeta, path: string): 'managed' | 'seed' | 'merge-json' | 'block' | 'lines' {
  if (matchesAny(path, suite.mergeJson)) return 'merge-json';
  if (matchesAny(path, suite.lines)) return 'lines';
  if (matchesAny(path, suite.block)) return 'block';
  return matchesAny(path, suite.seed) ? 'seed' : 'managed';
}
