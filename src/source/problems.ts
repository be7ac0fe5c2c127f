/**
 * Turn zod issues into one line each: where (file:line), which key, what was allowed, what was
 * found. A file with thousands of problems gets a few lines of each kind and a count of the rest:
 * the lines are made only for what is shown, so the time stays linear in the file.
 */
import type * as z from '../schema-library.js';
import { didYouMean } from './suggest.js';
import type { Source } from './source.js';

/** Lines shown per kind of problem (unknown keys of one map, or one message), and in all. */
const PER_KIND = 3;
const IN_ALL = 12;

/**
 * How a message names the value at `path`: `file:line: key` in a file, `--flag` for a flag, or
 * the key alone. Every message starts with it (errors.ts reads file, line and flag from there).
 */
export type Locate = (path: PropertyKey[]) => string;

const keyOf = (path: PropertyKey[]) => path.join('.') || '(top level)';

export function locateIn(source: Source | undefined): Locate {
  return source ? (path) => `${source.file}:${source.lineOf(path) ?? 1}: ${keyOf(path)}` : keyOf;
}

export function formatIssues(issues: z.core.$ZodIssue[], at?: Source | Locate, known?: (path: PropertyKey[]) => string[]): string[] {
  const locate = typeof at === 'function' ? at : locateIn(at);
  const lines: string[] = [];
  let hidden = 0;
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') {
      if (lines.length < IN_ALL) lines.push(describe(issue, locate(issue.path)));
      else hidden++;
      continue;
    }
    // One line per unknown key, at its own line, with the closest allowed key; the rest counted.
    const siblings = known?.(issue.path) ?? [];
    const shown = issue.keys.slice(0, Math.min(PER_KIND, Math.max(0, IN_ALL - lines.length)));
    for (const k of shown) {
      const path = [...issue.path, k];
      lines.push(`${locate(path)}: unknown key${didYouMean(k, siblings.filter((s) => s !== k))}`);
    }
    const more = issue.keys.length - shown.length;
    if (more > 0) lines.push(`${locate(issue.path)}: and ${more.toLocaleString('en-US')} more unknown key${more > 1 ? 's' : ''}`);
  }
  if (hidden > 0) lines.push(`and ${hidden.toLocaleString('en-US')} more problem${hidden > 1 ? 's' : ''}`);
  return lines;
}

function describe(issue: z.core.$ZodIssue, key: string): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_value':
      return input === undefined
        ? `${key} is required: expected ${issue.values.join('|')}`
        : `${key}: expected ${issue.values.join('|')}, found ${show(input)}`;
    case 'invalid_union': {
      const { options, discriminator } = issue as { options?: unknown[]; discriminator?: string };
      if (options) {
        // A discriminated union reports the whole object; the value that failed is its discriminator.
        const found = discriminator && input && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : input;
        return found === undefined
          ? `${key} is required: expected ${options.join('|')}`
          : `${key}: expected ${options.join('|')}, found ${show(found)}`;
      }
      return `${key}: ${issue.message}`;
    }
    case 'invalid_type':
      return input === undefined
        ? `${key} is required (${issue.expected})`
        : `${key}: expected ${issue.expected}, found ${show(input)}`;
    case 'too_small':
    case 'too_big':
      return `${key}: ${bound(issue)}, found ${show(input)}`;
    case 'custom':
      // Our own rules already say what is wrong and how to fix it.
      return `${key}: ${issue.message}`;
    default:
      return input === undefined ? `${key}: ${issue.message}` : `${key}: ${issue.message} (found ${show(input)})`;
  }
}

/** zod's "Too big: expected number to be <=5" as "must be at most 5". */
function bound(issue: z.core.$ZodIssue): string {
  const { minimum, maximum, inclusive, origin } = issue as { minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; origin?: string };
  const limit = issue.code === 'too_small' ? minimum : maximum;
  if (limit === undefined) return issue.message;
  const word = issue.code === 'too_small' ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  const unit = origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';
  return `must ${unit ? 'have' : 'be'} ${word} ${limit}${unit}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
