/** Turn zod issues into one line each: where (file:line), which key, what was allowed, what was found. */
import type * as z from 'zod';
import { didYouMean } from './suggest.js';
import type { Source } from './source.js';

export function formatIssues(issues: z.core.$ZodIssue[], source?: Source, known?: (path: PropertyKey[]) => string[]): string[] {
  const where = (path: PropertyKey[]) => (source ? `${source.file}:${source.lineOf(path) ?? 1}: ` : '');
  return issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [where(issue.path) + describe(issue)];
    // One line per unknown key, each at its own line, with the closest allowed key.
    const siblings = known?.(issue.path) ?? [];
    return issue.keys.map((k) => {
      const path = [...issue.path, k];
      return `${where(path)}${path.join('.')}: unknown key${didYouMean(k, siblings.filter((s) => s !== k))}`;
    });
  });
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
