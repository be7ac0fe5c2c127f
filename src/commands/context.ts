/** What a command may use of the outside world; program.ts builds the real one, tests a fake. */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Prompter } from '../answers/prompter.js';
import { UserError } from '../errors.js';
import { isTerminal } from '../output.js';
import type { DiskOps } from '../sync/disk-ops.js';

export interface CommandContext {
  cwd: string;
  /** stdin and stdout are both terminals. */
  isTTY: boolean;
  color: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Made on first use, so the prompt library loads only when a question is asked. */
  prompter: () => Prompter;
  /** Where writes go; omitted: the real disk. Tests pass one that fails or stops at any step. */
  disk?: DiskOps;
  /**
   * The entry's fast path (fast-path.ts) already asked whether this command line's project is up
   * to date, and it may not be: `update` need not ask again.
   */
  upToDateAsked?: boolean;
}

/** Flags every writing command shares. */
export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

/**
 * The project folder a command was given (default: the current one). It may not exist yet, but
 * it, or the nearest part of its path that exists, must be a folder.
 */
export function projectFolder(ctx: Pick<CommandContext, 'cwd'>, dirArg: string | undefined): string {
  const dir = resolve(ctx.cwd, dirArg ?? '.');
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    const shown = relative(ctx.cwd, existing) || existing;
    throw new UserError(`${shown} is a file; Scaffold sets up a project in a folder: pass a folder (it may not exist yet)`);
  }
  return dir;
}

/** Colour, unless --no-color, NO_COLOR or output that is not a terminal says otherwise. */
export function wantsColor(args: string[]): boolean {
  return !args.includes('--no-color') && !process.env.NO_COLOR && isTerminal(1);
}
