/**
 * `scaffold update` and `scaffold update --check` on a project that is up to date, answered
 * before the program loads (dist/fast-path.cjs, a small file of its own): CI runs the check on
 * every push, a fleet refresh runs update in every repository, and most of the time the answer
 * is "unchanged". It spares commander and the program's load: 123 -> 111 ms on two cores for the
 * check, where `node -e 0` takes about 100. It also keeps a run that does nothing from making
 * the program's code cache for `update` (compile-cache.ts: the first run's cache is kept).
 * Anything else, or any doubt (an option it does not know, a project that may be out of date,
 * an error), returns undefined and the program runs the command as usual, so every message and
 * exit code stays the program's own.
 */
import { projectFolder, wantsColor } from './commands/context.js';
import { reportIfUpToDate } from './commands/update-fast.js';
import { writeErr, writeOut } from './output.js';

/** The options of `update` that change nothing here but the output. */
const OPTIONS = new Set(['--check', '--dry-run', '--json', '-q', '--quiet', '--no-color', '--verbose']);

/**
 * The exit code, once the report is printed; 'asked' when the project may be out of date (the
 * program runs the command without asking again); undefined when the program must run it all.
 */
export function answerFast(args: string[]): number | 'asked' | undefined {
  const [command, ...rest] = args;
  const folders = rest.filter((a) => !a.startsWith('-'));
  const options = rest.filter((a) => a.startsWith('-'));
  if (command !== 'update' || folders.length > 1 || !options.every((o) => OPTIONS.has(o))) return undefined;
  try {
    // Colour is decided when a line is painted: a quiet run prints none, and never asks.
    const ctx = {
      cwd: process.cwd(),
      get color() {
        return wantsColor(args);
      },
      stdout: writeOut,
      stderr: writeErr,
    };
    const quiet = options.includes('-q') || options.includes('--quiet');
    const check = options.includes('--check');
    return reportIfUpToDate(projectFolder(ctx, folders[0]), { check, dryRun: options.includes('--dry-run'), json: options.includes('--json'), quiet }, ctx) ?? 'asked';
  } catch {
    return undefined;
  }
}
