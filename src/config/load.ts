/** Read, validate and write .scaffold/config.yml. The only reader of the project's config. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../errors.js';
import { formatIssues } from './issues.js';
import { configSchema, knownKeys, type Config } from './schema.js';
import { parseYamlSource, type Source } from './yaml-source.js';

export const CONFIG_DIR = '.scaffold';
export const CONFIG_FILE = `${CONFIG_DIR}/config.yml`;
export const SCHEMA_FILE = `${CONFIG_DIR}/config.schema.json`;

/** Validate config-shaped data; every problem becomes one line of the UserError. */
export function validateConfig(data: unknown, source?: Source): Config {
  const result = configSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data as Config;
  const lines = formatIssues(result.error.issues, source, (path) => knownKeys(configSchema, path));
  const fix = source ? `Fix ${source.file} and run again` : 'Fix the answers and run again';
  throw new UserError(`${lines[0]}`, [...lines.slice(1), fix]);
}

/** The project's config, or undefined when the project has none yet. */
export function readConfig(projectDir: string): Config | undefined {
  const path = join(projectDir, CONFIG_FILE);
  if (!existsSync(path)) return undefined;
  const source = parseYamlSource(readFileSync(path, 'utf8'), CONFIG_FILE);
  return validateConfig(source.data, source);
}

/** Read an answers file given with `--answers` (YAML or JSON, config-shaped, possibly partial). */
export function readAnswersFile(path: string): Source {
  if (!existsSync(path)) throw new UserError(`--answers ${path}: file not found. Pass the path of a YAML or JSON file.`);
  const source = parseYamlSource(readFileSync(path, 'utf8'), path);
  if (typeof source.data !== 'object' || source.data === null || Array.isArray(source.data)) {
    throw new UserError(`${path}: expected a map of answers like "projectType: ml", found ${typeof source.data}`);
  }
  return source;
}

/** config.yml as written by Scaffold: the schema comment, then the answers in schema order. */
export function renderConfig(config: Config): string {
  const header = '# yaml-language-server: $schema=./config.schema.json\n# Scaffold project configuration. Edit it, then run `npx scaffold-overlays update`.\n';
  return header + stringify(config, { lineWidth: 100 });
}
