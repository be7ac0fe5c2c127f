/** Turn zod issues into one line each: where (file:line), which key, what was allowed, what was found. */
import type * as z from 'zod';
import { didYouMean } from './suggest.js';
import type { Source } from './yaml-source.js';

export function formatIssues(issues: z.core.$ZodIssue[], source?: Source, known?: (path: PropertyKey[]) => string[]): string[] {
  return issues.map((issue) => {
    const where = source ? `${source.file}:${source.lineOf(issue.path) ?? 1}: ` : '';
    return where + describe(issue, known);
  });
}

function describe(issue: z.core.$ZodIssue, known?: (path: PropertyKey[]) => string[]): string {
  const key = issue.path.join('.') || '(top level)';
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_value':
      return input === undefined
        ? `${key} is required: expected ${issue.values.join('|')}`
        : `${key}: expected ${issue.values.join('|')}, found ${show(input)}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        return input === undefined
          ? `${key} is required: expected ${options.join('|')}`
          : `${key}: expected ${options.join('|')}, found ${show(input)}`;
      }
      return `${key}: ${issue.message}`;
    }
    case 'invalid_type':
      return input === undefined
        ? `${key} is required (${issue.expected})`
        : `${key}: expected ${issue.expected}, found ${show(input)}`;
    case 'unrecognized_keys':
      return issue.keys
        .map((k) => {
          const path = [...issue.path, k].join('.');
          const siblings = known?.(issue.path) ?? [];
          const hint = didYouMean(k, siblings) || (siblings.length ? ` (allowed: ${siblings.join(', ')})` : '');
          return `${path}: unknown key${hint}`;
        })
        .join('; ');
    case 'too_small':
    case 'too_big':
      return `${key}: ${issue.message.replace(/^Too (small|big): expected \w+ to (have )?/, 'must be ')}, found ${show(input)}`;
    default:
      return input === undefined ? `${key}: ${issue.message}` : `${key}: ${issue.message} (found ${show(input)})`;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
