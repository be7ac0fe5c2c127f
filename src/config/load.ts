/** Read, validate and write .scaffold/config.yml. The only reader of the project's config. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { UserError } from '../errors.js';
import { migrateDepths, type DepthMigration } from '../catalog/depth.js';
import { projectTypes } from '../catalog/types.js';
import { CONFIG_FILE } from '../project-files.js';
import { formatIssues, type Locate } from '../source/problems.js';
import { parseYamlSourceKept } from '../source/kept-parse.js';
import { parseYamlSource, type Source } from '../source/source.js';
import { yaml, yamlText } from '../source/yaml.js';
import { configSchema, configSchemaFor, knownKeys, type Config } from './schema.js';


/**
 * Validate config-shaped data; every problem becomes one line of the UserError, starting with
 * where the value came from: a file and line (`source`), or a flag (`locate`, from the answers).
 */
export function validateConfig(data: unknown, at?: Source | Locate): Config {
  const type = (data as { projectType?: unknown } | null)?.projectType;
  // One type's schema when the type is known (cheaper to build); else the union, whose error names the types.
  const hasOverlay = typeof data === 'object' && data !== null && 'overlay' in data;
  const schema = projectTypes().has(type) ? configSchemaFor(type as string, hasOverlay) : configSchema();
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data as Config;
  const lines = formatIssues(result.error.issues, at, (path) => knownKeys(configSchema(), path, type));
  const hint = at && typeof at !== 'function' ? `Fix ${at.file} and run again` : 'Fix the answers and run again';
  throw new UserError(lines[0]!, lines.slice(1), { hint });
}

export interface FoundConfig {
  config: Config;
  /** For line numbers. */
  source: Source;
  /** The file as it is. */
  text: string;
  /** The file with each old depth number replaced by its name, not another byte changed: what init and update edit and write. */
  named: string;
  /** One line per old depth number, read as its level; a writing init or update rewrites them. */
  warnings: string[];
}

/** What an old depth number's warning says will fix it: a run that writes says it does. */
export const REWRITES_LATER = '`scaffold update` rewrites the line';
export const REWRITES_NOW = 'this run rewrites the line';

/** The project's config, or undefined when the project has none yet. */
export function readConfig(projectDir: string, fix = REWRITES_LATER): FoundConfig | undefined {
  const path = join(projectDir, CONFIG_FILE);
  if (!existsSync(path)) return undefined;
  const text = readText(path, CONFIG_FILE, 'Scaffold reads its answers from a file of that name');
  const { source, warnings, changed } = withDepthNames(parseYamlSourceKept(text, CONFIG_FILE), fix);
  if (source.data && typeof source.data === 'object' && 'workspace' in source.data) {
    throw new UserError(`${projectDir} is a workspace root (${CONFIG_FILE} says workspace: true), not a project: run this in one of its units (\`scaffold list units\` shows them)`, [], { code: 'no-project' });
  }
  return { config: validateConfig(source.data, source), source, text, named: replaceScalars(text, changed.map(({ path, level }) => ({ path, value: level }))), warnings };
}

/**
 * The text with the scalars at `changes` replaced, byte for byte in place: renderConfig would
 * also add every default the file leaves out, and an old number's fix is its one line.
 */
function replaceScalars(text: string, changes: { path: PropertyKey[]; value: string }[]): string {
  if (changes.length === 0) return text;
  const doc = yaml().parseDocument(text);
  const spans = changes.map(({ path, value }) => ({ range: (doc.getIn(path, true) as { range: [number, number] }).range, value }));
  let out = text;
  for (const { range, value } of spans.sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, range[0]) + value + out.slice(range[1]);
  return out;
}

/** config.yml's `depth` and its inline overlay's, old numbers read as levels (catalog/depth.ts). */
function withDepthNames(source: Source, fix: string): DepthMigration {
  return migrateDepths(source, fix, ['overlay'], [['depth']]);
}

/**
 * A YAML file's text. Not a folder, and UTF-8: YAML is Unicode, and config.yml is edited in
 * place, so a byte that is not UTF-8 would not survive the edit; it is refused, naming its line.
 */
export function readText(path: string, shown: string, why: string): string {
  if (!statSync(path).isFile()) throw new UserError(`${shown} is a folder, but ${why}; move the folder and run again`);
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = bytes.toString('utf8').indexOf('\ufffd');
    const line = bytes.toString('utf8').slice(0, bad).split('\n').length;
    throw new UserError(`${shown}:${line}: not UTF-8 text; save the file as UTF-8 and run again`);
  }
}

/**
 * Read an answers file given with `--answers` (YAML or JSON, config-shaped, possibly partial);
 * an old depth number is read as its level, with a warning (the file is the person's: not rewritten).
 */
export function readAnswersFile(path: string): { source: Source; warnings: string[] } {
  if (!existsSync(path)) throw new UserError(`--answers ${path}: file not found. Pass the path of a YAML or JSON file.`);
  const source = parseYamlSource(readText(path, `--answers ${path}`, 'it should be a YAML or JSON file of answers'), path);
  if (typeof source.data !== 'object' || source.data === null || Array.isArray(source.data)) {
    throw new UserError(`${path}: expected a map of answers like "projectType: ml", found ${typeof source.data}`);
  }
  const { source: named, warnings } = withDepthNames(source, 'edit that line; config.yml gets the name');
  return { source: named, warnings };
}

/**
 * config.yml as Scaffold writes it: the schema comment, then the answers. When the file exists,
 * only the answers that changed are edited in place, so the person's comments and order survive.
 */
export function renderConfig(config: Config, existingText?: string): string {
  if (existingText === undefined) {
    const header =
      '# yaml-language-server: $schema=./config.schema.json\n' +
      '# Scaffold project configuration. Edit it, then run `npx scaffold-overlays update`.\n';
    return header + yamlText(inReadingOrder(config));
  }
  const doc = yaml().parseDocument(existingText);
  const wanted = config as Record<string, unknown>;
  for (const key of Object.keys((doc.toJS() ?? {}) as object)) if (!(key in wanted)) doc.delete(key);
  setChanged(doc, [], wanted);
  return doc.toString({ lineWidth: 100 });
}

/** version, name, projectType, methodology, depth, agents, refresh, packs, the type's answers, then the overlay. */
function inReadingOrder(config: Config): Config {
  const { version, name, projectType, methodology, depth, agents, refresh, packs, overlay, ...section } = config;
  return { version, name, projectType, methodology, ...(depth !== undefined && { depth }), agents, ...(refresh && { refresh }), ...(packs && { packs }), ...section, ...(overlay && { overlay }) } as Config;
}

function setChanged(doc: Document, path: string[], value: unknown): void {
  const current = doc.getIn(path);
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isMap(value) && yaml().isMap(current)) {
    const present = (current.toJSON() ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(present)) if (!(key in (value as object))) doc.deleteIn([...path, key]);
    for (const [key, v] of Object.entries(value as object)) setChanged(doc, [...path, key], v);
  } else if (JSON.stringify(toJS(current)) !== JSON.stringify(value)) {
    doc.setIn(path, value);
  }
}

function toJS(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
}
