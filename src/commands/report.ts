/** How runs are reported: a line per file that changed, a summary, or one JSON object. */
import { DRIFT, type Action } from '../sync/actions.js';
import type { Change } from '../sync/decide.js';
import type { Selection } from '../overlays/merge.js';
import { EXIT, type Problem } from '../errors.js';
import type { CommandContext, OutputOptions } from './context.js';
import { printEnvelope, printWarnings } from './envelope.js';

const COLORS: Partial<Record<Action, number>> = { create: 32, update: 36, merge: 36, conflict: 31, delete: 33, rename: 36, keep: 33, skip: 33, detach: 35 };

/** What printing a report uses of the command's context. */
export type Reporter = Pick<CommandContext, 'color' | 'stdout' | 'stderr'>;

export interface RunReport {
  command: string;
  projectType: string;
  changes: Change[];
  warnings: string[];
  selection?: Selection | Record<string, unknown>;
  dryRun: boolean;
  /** `update --check`: a dry run whose verdict is the exit code. */
  check?: boolean;
}

export function isDrift(changes: Change[]): boolean {
  return changes.some((c) => DRIFT.has(c.action));
}

export function conflictsOf(changes: Change[]): string[] {
  return changes.filter((c) => c.action === 'conflict').map((c) => c.path);
}

/** The exit code of a run: 1 when `--check` finds drift or conflicts are left, else 0. */
export function exitCodeOf(report: RunReport): number {
  return (report.check && isDrift(report.changes)) || conflictsOf(report.changes).length > 0 ? EXIT.drift : EXIT.ok;
}

const OUT_OF_DATE = 'generated files are out of date: run `npx scaffold-overlays update` and commit the result';

/** Print the run as lines or one JSON envelope; returns its exit code. */
export function printReport(ctx: Reporter, options: OutputOptions, report: RunReport, nextSteps: string[] = []): number {
  const code = exitCodeOf(report);
  const conflicts = conflictsOf(report.changes);
  const outOfDate = !!report.check && isDrift(report.changes);
  const shown = report.changes.filter((c) => c.action !== 'unchanged');
  if (options.json) {
    const errors: Problem[] = [
      ...(outOfDate ? [{ code: 'out-of-date' as const, message: OUT_OF_DATE }] : []),
      ...conflicts.map((file) => ({ code: 'conflict' as const, message: `${file}: conflict markers left; resolve them, then run \`scaffold update\` again`, file })),
    ];
    printEnvelope(ctx, report.command, code, {
      projectType: report.projectType,
      dryRun: report.dryRun,
      ...(report.check && { check: true }),
      changes: shown.map((c) => ({ path: c.path, action: c.action, source: c.source, ...(c.reason && { reason: c.reason }) })),
      conflicts,
      ...(report.selection && { selection: report.selection }),
    }, { warnings: report.warnings, errors });
    return code;
  }
  const paint = (action: Action, text: string) => (ctx.color && COLORS[action] ? `\x1b[${COLORS[action]}m${text}\x1b[0m` : text);
  if (!options.quiet) {
    const width = Math.max(...shown.map((c) => c.action.length), 6);
    for (const c of shown) {
      const verb = paint(c.action, c.action.padEnd(width));
      ctx.stdout(`  ${verb}  ${c.path}${c.reason ? `  (${c.reason})` : ''}\n`);
    }
    printWarnings(ctx, report.warnings);
  }
  ctx.stdout(`${summary(report)}\n`);
  if (outOfDate) ctx.stderr(`${OUT_OF_DATE[0]!.toUpperCase()}${OUT_OF_DATE.slice(1)}.\n`);
  if (!options.quiet && !report.dryRun && nextSteps.length > 0) ctx.stdout(`\nNext steps:\n${nextSteps.map((s) => `  ${s}\n`).join('')}`);
  return code;
}

function summary(report: RunReport): string {
  const counts = new Map<Action, number>();
  for (const c of report.changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
  const order: Action[] = ['create', 'update', 'merge', 'conflict', 'delete', 'rename', 'keep', 'skip', 'detach', 'unchanged'];
  const words: Record<Action, string> = {
    create: 'created', update: 'updated', merge: 'merged', conflict: 'in conflict', delete: 'deleted', rename: 'renamed', keep: 'kept', skip: 'skipped', detach: 'detached', unchanged: 'unchanged',
  };
  const parts = order.filter((a) => counts.get(a)).map((a) => `${counts.get(a)} ${words[a]}`);
  const lead = report.check ? 'Checked, nothing written' : report.dryRun ? 'Dry run, nothing written' : 'Done';
  const conflicts = conflictsOf(report.changes).length;
  const tail = conflicts > 0 ? ` Resolve the conflict markers in ${conflicts === 1 ? 'that file' : 'those files'}, then run \`scaffold update\` again.` : '';
  return `${lead}: ${parts.join(', ') || 'nothing to do'}.${tail}`;
}
