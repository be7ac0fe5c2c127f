/**
 * The kinds of failure. `program.ts` is the only place that turns them into exit codes:
 * UserError -> 2 (bad input or refused for safety), CancelledError -> 130, anything else -> 70.
 * Commands return EXIT.drift (1) themselves: out of date or conflicts left is a result, not a failure.
 */

/**
 * What kind of failure, for scripts reading `--json` (README "JSON output"). Exit 2: usage (the
 * command line itself), invalid (a value, a file), no-project, busy (another run holds the lock),
 * environment (the disk, permissions). Exit 1: out-of-date, conflict. 130: cancelled. 70: internal.
 */
export type ErrorCode = 'usage' | 'invalid' | 'no-project' | 'busy' | 'environment' | 'out-of-date' | 'conflict' | 'cancelled' | 'internal';

/** One problem as `--json` reports it; `message` is the line a person reads. */
export interface Problem {
  code: ErrorCode;
  message: string;
  file?: string;
  line?: number;
  flag?: string;
  /** How to fix it, when the message alone does not say. */
  hint?: string;
}

/** Bad input the user can fix: one line saying what was wrong and how to fix it. */
export class UserError extends Error {
  override name = 'UserError';
  /** Further problems found in the same pass, each one line (validate lists them all). */
  readonly details: string[];
  readonly code: ErrorCode;
  /** A closing line for all the problems, e.g. "Fix .scaffold/config.yml and run again". */
  readonly hint?: string;
  /** Warnings the run had found before it failed, said with the error (validate's old depth numbers). */
  readonly warnings: string[];
  constructor(message: string, details: string[] = [], { code = 'invalid', hint, warnings = [] }: { code?: ErrorCode; hint?: string; warnings?: string[] } = {}) {
    super(message);
    this.details = details;
    this.code = code;
    this.hint = hint;
    this.warnings = warnings;
  }

  /** Every problem, each with where it is read from the start of its line. */
  problems(): Problem[] {
    return [this.message, ...this.details].map((line) => ({ ...problemOf(line, this.code), ...(this.hint && { hint: this.hint }) }));
  }
}

/**
 * Messages start with where the problem is, in one of three forms: `file:line: ...`,
 * `file: ...` (a file of a known kind) or `--flag...`. The JSON fields are read from that start,
 * so every message keeps the one form a person reads.
 */
export function problemOf(message: string, code: ErrorCode): Problem {
  const flag = /^(--[a-z][a-z0-9-]*)/.exec(message)?.[1];
  if (flag) return { code, message, flag };
  const at = /^([^\s:]+):(\d+): /.exec(message);
  if (at) return { code, message, file: at[1], line: Number(at[2]) };
  const file = /^([^\s:]+\.(?:ya?ml|json|md|toml|hbs)): /.exec(message)?.[1];
  return file ? { code, message, file } : { code, message };
}

/** The user pressed Ctrl+C at a prompt. Nothing has been written at that point. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled. Nothing was written.');
  }
}

export const EXIT = { ok: 0, drift: 1, user: 2, internal: 70, cancelled: 130 } as const;

/** What each failure of the environment means, and how to fix it. */
const ENVIRONMENT: Record<string, string> = {
  EACCES: 'permission denied: give yourself write access there, or run where you may write',
  EPERM: 'the operation is not permitted there: check its permissions and attributes',
  ENOSPC: 'the disk is full: free some space',
  EDQUOT: 'your disk quota is used up: free some space',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many levels of symbolic links: a link there leads to itself',
  ENOTDIR: 'a part of that path is a file, not a folder: move the file',
  EISDIR: 'it is a folder, not a file: move the folder',
  ENAMETOOLONG: 'the name is too long for this file system',
  EMFILE: 'too many files are open: close other programs and run again',
  ENFILE: 'too many files are open on this machine',
  EXDEV: 'the file system does not allow moving files across that folder (a mount point)',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'it is busy: another program holds it',
  ETXTBSY: 'it is busy: another program holds it',
};

/**
 * A failure of the file system (a full disk, no permission, a file where a folder belongs) as a
 * UserError of one line: what could not be done, why, what to do, and `outcome` (what was left).
 * Anything else is returned as it is: a bug stays a bug.
 */
export function environmentError(error: unknown, outcome = ''): unknown {
  const e = error as NodeJS.ErrnoException;
  const meaning = e && typeof e === 'object' && typeof e.code === 'string' ? ENVIRONMENT[e.code] : undefined;
  if (!meaning) return error;
  // A staged temp file stands for the file it becomes.
  const path = String(e.path ?? '').replace(/\/\.([^/]+)\.scaffold-tmp$/, '/$1');
  const what = e.syscall ? `${e.syscall} ${path}`.trim() : path;
  return new UserError(`cannot ${what} (${e.code}): ${meaning}${outcome ? `; ${outcome}` : ''}`, [], { code: 'environment' });
}
