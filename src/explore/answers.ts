/**
 * The page's answers are init's flags: a map from a flag's name (without dashes) to its value as
 * text, `{ type: 'ml', 'ml-phase': 'both', agents: 'agents-md,claude' }`. The same map is the
 * share link's query string and, written out, the `init` command line; the server passes it to
 * init's own path as its options, so the page can express exactly what the command line can.
 */
import { camel } from '../answers/flags.js';
import { projectTypes, type FieldValue } from '../catalog/types.js';
import { sectionOf, type Config } from '../config/schema.js';
import { UserError } from '../errors.js';

export type Answers = Record<string, string>;

/** The answers every project has, in command-line order; a type's own flags follow them. */
export const COMMON_FLAGS = ['type', 'name', 'methodology', 'depth', 'agents', 'refresh'] as const;

/** The flags of one type's questions, in wizard order. */
function typeFlags(type: string | undefined): string[] {
  return type && projectTypes().has(type) ? projectTypes().fields(type).map((f) => f.info.flag) : [];
}

/** A query string (or any list of pairs) as answers; the last value of a repeated flag wins. */
export function answersOf(pairs: Iterable<[string, string]>): Answers {
  const answers: Answers = {};
  for (const [key, value] of pairs) answers[key] = value;
  return answers;
}

/** The answers as init's options (as commander gives them); a flag no command line has is refused, naming it. */
export function optionsOf(answers: Answers): Record<string, string> {
  const known = new Set<string>([...COMMON_FLAGS, ...projectTypes().all.map((f) => f.info.flag)]);
  const unknown = Object.keys(answers).find((key) => !known.has(key));
  if (unknown) throw new UserError(`--${unknown}: init has no such answer; remove it from the address`, [], { code: 'usage' });
  return Object.fromEntries(Object.entries(answers).map(([flag, value]) => [camel(flag), value]));
}

/** A config as the answers that give it back: every question answered, as flags. */
export function configAnswers(config: Config): Answers {
  const answers: Answers = {
    type: config.projectType,
    name: config.name,
    methodology: config.methodology,
    ...(config.methodology === 'custom' && config.depth !== undefined && { depth: String(config.depth) }),
    agents: config.agents.length ? config.agents.join(',') : 'none',
    ...(config.refresh !== undefined && { refresh: config.refresh }),
  };
  const section = sectionOf(config) as Record<string, FieldValue>;
  for (const field of projectTypes().fields(config.projectType)) {
    const value = section[field.key];
    if (value !== undefined) answers[field.info.flag] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return answers;
}

/** The first example answers of a type (content/types/<type>.yml `examples`), as flags. */
export function exampleAnswers(type: string): Answers {
  const example = projectTypes().get(type).examples[0] ?? {};
  const answers: Answers = { type };
  for (const field of projectTypes().fields(type)) {
    const value = example[field.key];
    if (value !== undefined) answers[field.info.flag] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return answers;
}

/** A value as one shell word: bare when it is safe, else in single quotes. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9._,/:=@+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `init` command that gives the same config.yml in a folder without one: every answer of the
 * config, so that it does not depend on the folder's name or on defaults that may change.
 */
export function commandLine(config: Config): string {
  const answers = configAnswers(config);
  const booleans = new Set(projectTypes().fields(config.projectType).filter((f) => f.info.kind === 'boolean').map((f) => f.info.flag));
  const words = ['npx', 'scaffold-overlays', 'init', '--yes'];
  for (const flag of [...COMMON_FLAGS, ...typeFlags(config.projectType)]) {
    const value = answers[flag];
    if (value === undefined) continue;
    if (booleans.has(flag)) words.push(value === 'true' ? `--${flag}` : `--no-${flag}`);
    else words.push(`--${flag}`, shellWord(value));
  }
  return words.join(' ');
}
