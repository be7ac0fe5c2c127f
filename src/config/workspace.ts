/**
 * A workspace root's config.yml: `workspace: true` and no project type. The repository root of a
 * monorepo is one when it holds the GitHub workflows of its units (GitHub reads workflows only
 * at the root): the drift check and the refresh pull request over every unit, and one test
 * workflow running each unit's tests in its folder. It has no answers beyond `refresh`.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../schema-library.js';
import { UserError } from '../errors.js';
import { readText } from './load.js';
import { once } from '../once.js';
import { CONFIG_FILE } from '../project-files.js';
import { formatIssues } from '../source/problems.js';
import { parseYamlSource, type Source } from '../source/source.js';
import { REFRESH, type Refresh } from './schema.js';

const workspaceSchema = once(() =>
  z.strictObject({
    version: z._default(z.literal(1), 1),
    workspace: z.literal(true),
    refresh: z._default(z.enum(Object.keys(REFRESH) as [Refresh, ...Refresh[]]), 'weekly'),
  }),
);

export type WorkspaceConfig = z.infer<ReturnType<typeof workspaceSchema>>;

export interface FoundWorkspace {
  config: WorkspaceConfig;
  text: string;
}

/**
 * The folder's workspace config, or undefined when its config.yml is a project's (or missing).
 * Read as load.ts reads a project's (a file, UTF-8), and parsed only when it has a `workspace` key,
 * so a project's config.yml is not parsed twice.
 */
export function readWorkspace(dir: string): FoundWorkspace | undefined {
  const path = join(dir, CONFIG_FILE);
  // Not a file (a folder of that name): readConfig says so, in its own words.
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const text = readText(path, CONFIG_FILE, 'Scaffold reads its answers from a file of that name');
  if (!WORKSPACE_KEY.test(text)) return undefined;
  return { config: validateWorkspace(parseYamlSource(text, CONFIG_FILE)), text };
}

/** A top-level `workspace:` key, whatever its value (a wrong one is then named by the schema). */
const WORKSPACE_KEY = /^workspace\s*:/m;

function validateWorkspace(source: Source): WorkspaceConfig {
  const result = workspaceSchema().safeParse(source.data, { reportInput: true });
  if (result.success) return result.data;
  const lines = formatIssues(result.error.issues, source, () => Object.keys(workspaceSchema().shape));
  throw new UserError(lines[0]!, lines.slice(1), { hint: `A workspace root's ${CONFIG_FILE} holds only \`workspace: true\` and \`refresh\`; fix it and run again` });
}

/** config.yml as `init --workspace` writes it. */
export function workspaceConfigText(refresh: Refresh | undefined): string {
  return [
    '# Scaffold workspace root: the GitHub workflows of every unit (a folder with its own .scaffold/) below.',
    '# Edit it, then run `npx scaffold-overlays update --all`.',
    'version: 1',
    'workspace: true',
    ...(refresh ? [`refresh: ${refresh}`] : []),
    '',
  ].join('\n');
}
