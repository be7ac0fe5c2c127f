/**
 * Turn zod issues into one line each: where (file:line), which key, what was allowed, what was
 * found. A file with thousands of problems gets a few lines of each kind and a count of the rest:
 * the lines are made only for what is shown, so the time stays linear in the file.
 */
import type * as z from 'zod';
import { didYouMean } from './suggest.js';
import type { Source } from './source.js';

/** Lines shown per kind of problem (unknown keys of one map, or one message), and in all. */
const PER_KIND = 3;
const IN_ALL = 12;

export function formatIssues(issues: z.core.$ZodIssue[], source?: Source, known?: (path: PropertyKey[]) => string[]): string[] {
  const where = (path: PropertyKey[]) => (source ? `${source.file}:${source.lineOf(path) ?? 1}: ` : '');
  const lines: string[] = [];
  let hidden = 0;
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') {
      if (lines.length < IN_ALL) lines.push(where(issue.path) + describe(issue));
      else hidden++;
      continue;
    }
    // One line per unknown key, at its own line, with the closest allowed key; the rest counted.
    const siblings = known?.(issue.path) ?? [];
    const shown = issue.keys.slice(0, Math.min(PER_KIND, Math.max(0, IN_ALL - lines.length)));
    for (const k of shown) {
      const path = [...issue.path, k];
      lines.push(`${where(path)}${path.join('.')}: unknown key${didYouMean(k, siblings.filter((s) => s !== k))}`);
    }
    const more = issue.keys.length - shown.length;
    if (more > 0) lines.push(`${where([...issue.path, issue.keys[shown.length]!])}and ${more.toLocaleString('en-US')} more unknown key${more > 1 ? 's' : ''} in ${issue.path.join('.') || 'the top level'}`);
  }
  if (hidden > 0) lines.push(`and ${hidden.toLocaleString('en-US')} more problem${hidden > 1 ? 's' : ''}`);
  return lines;
}

function describe(issue: z.core.$ZodIssue): string {
  const key = issue.path.join('.') || '(top level)';
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
      return `${key}: ${issue.message.replace(/^Too (small|big): expected \w+ to (have )?/, 'must be ')}, found ${show(input)}`;
    case 'custom':
      // Our own rules already say what is wrong and how to fix it.
      return `${key}: ${issue.message}`;
    default:
      return input === undefined ? `${key}: ${issue.message}` : `${key}: ${issue.message} (found ${show(input)})`;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
