/**
 * The kinds of failure. `program.ts` is the only place that turns them into exit codes:
 * UserError -> 2 (bad input or refused for safety), CancelledError -> 130, anything else -> 70.
 * Commands return EXIT.drift (1) themselves: out of date or conflicts left is a result, not a failure.
 */

/** Bad input the user can fix: one line saying what was wrong and how to fix it. */
export class UserError extends Error {
  override name = 'UserError';
  /** Further problems found in the same pass, each one line (validate lists them all). */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.details = details;
  }
}

/** The user pressed Ctrl+C at a prompt. Nothing has been written at that point. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled. Nothing was written.');
  }
}

export const EXIT = { ok: 0, drift: 1, user: 2, internal: 70, cancelled: 130 } as const;
