/**
 * update's fast path: when the inputs are those of the last run and every generated file is as
 * Scaffold left it, the report is "unchanged" for each file, and nothing is rendered (the schema
 * and template libraries are never loaded). fast-path.ts takes it before the program loads, and
 * update.ts when the fast path did not ask.
 */
import type { Policy } from '../render/file-plan.js';
import { upToDate } from '../sync/up-to-date.js';
import type { OutputOptions } from './context.js';
import { printReport, type Reporter } from './report.js';

/** The exit code, once the report is printed; undefined when the project may be out of date. */
export function reportIfUpToDate(projectDir: string, options: OutputOptions & { check?: boolean }, ctx: Reporter): number | undefined {
  const fresh = upToDate(projectDir);
  if (!fresh) return undefined;
  const changes = fresh.files.map((f) => ({ ...f, action: 'unchanged' as const, policy: f.policy as Policy }));
  const dryRun = !!(options.check || options.dryRun);
  return printReport(ctx, options, { command: 'update', projectType: fresh.projectType, changes, warnings: [], selection: fresh.selection, dryRun, check: options.check });
}
