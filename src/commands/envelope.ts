/**
 * The one JSON shape every command prints with `--json`, for every outcome (README "JSON
 * output"): `{ ok, command, ...the command's fields, warnings, errors }` on stdout and nothing
 * else there. `ok` is true exactly when the exit code is 0.
 */
import type { Problem } from '../errors.js';
import type { CommandContext } from './context.js';

/** Without --json, warnings go to stderr, one line each (with --json, into the envelope's `warnings`). */
export function printWarnings(ctx: Pick<CommandContext, 'stderr'>, warnings: string[]): void {
  for (const w of warnings) ctx.stderr(`warning: ${w}\n`);
}

export interface Envelope {
  ok: boolean;
  command: string;
  warnings: string[];
  errors: Problem[];
  [field: string]: unknown;
}

export function printEnvelope(
  ctx: Pick<CommandContext, 'stdout'>,
  command: string,
  exitCode: number,
  fields: Record<string, unknown> = {},
  { warnings = [], errors = [] }: { warnings?: string[]; errors?: Problem[] } = {},
): void {
  const envelope: Envelope = { ok: exitCode === 0, command, ...fields, warnings, errors };
  ctx.stdout(`${JSON.stringify(envelope, null, 2)}\n`);
}
