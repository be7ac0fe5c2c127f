/** How runs are reported: a line per file that changed, a summary, or one JSON object. */
import type { Change, Action } from '../sync/decide.js';
import { DRIFT } from '../sync/decide.js';
import type { Selection } from '../overlays/merge.js';
import type { CommandContext, OutputOptions } from './context.js';

const COLORS: Partial<Record<Action, number>> = { create: 32, update: 36, merge: 36, conflict: 31, delete: 33, keep: 33, skip: 33 };

export interface RunReport {
  command: string;
  projectType: string;
  changes: Change[];
  warnings: string[];
  selection?: Selection;
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

export function printReport(ctx: CommandContext, options: OutputOptions, report: RunReport, nextSteps: string[] = []): void {
  const shown = report.changes.filter((c) => c.action !== 'unchanged');
  if (options.json) {
    const changes = shown.map((c) => ({ path: c.path, action: c.action, source: c.source, ...(c.reason && { reason: c.reason }) }));
    const json = {
      ok: conflictsOf(report.changes).length === 0,
      command: report.command,
      projectType: report.projectType,
      dryRun: report.dryRun,
      changes,
      conflicts: conflictsOf(report.changes),
      warnings: report.warnings,
      errors: [],
      ...(report.selection && { selection: report.selection }),
    };
    ctx.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const paint = (action: Action, text: string) => (ctx.color && COLORS[action] ? `\x1b[${COLORS[action]}m${text}\x1b[0m` : text);
  if (!options.quiet) {
    const width = Math.max(...shown.map((c) => c.action.length), 6);
    for (const c of shown) {
      const verb = paint(c.action, c.action.padEnd(width));
      ctx.stdout(`  ${verb}  ${c.path}${c.reason ? `  (${c.reason})` : ''}\n`);
    }
    for (const w of report.warnings) ctx.stderr(`warning: ${w}\n`);
  }
  if (!options.quiet || conflictsOf(report.changes).length > 0) ctx.stdout(`${summary(report)}\n`);
  if (!options.quiet && !report.dryRun && nextSteps.length > 0) ctx.stdout(`\nNext steps:\n${nextSteps.map((s) => `  ${s}\n`).join('')}`);
}

function summary(report: RunReport): string {
  const counts = new Map<Action, number>();
  for (const c of report.changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
  const order: Action[] = ['create', 'update', 'merge', 'conflict', 'delete', 'keep', 'skip', 'unchanged'];
  const words: Record<Action, string> = {
    create: 'created', update: 'updated', merge: 'merged', conflict: 'in conflict', delete: 'deleted', keep: 'kept', skip: 'skipped', unchanged: 'unchanged',
  };
  const parts = order.filter((a) => counts.get(a)).map((a) => `${counts.get(a)} ${words[a]}`);
  const lead = report.check ? 'Checked, nothing written' : report.dryRun ? 'Dry run, nothing written' : 'Done';
  const conflicts = conflictsOf(report.changes).length;
  const tail = conflicts > 0 ? ` Resolve the conflict markers in ${conflicts === 1 ? 'that file' : 'those files'}, then run \`scaffold update\` again.` : '';
  return `${lead}: ${parts.join(', ') || 'nothing to do'}.${tail}`;
}
