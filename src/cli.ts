#!/usr/bin/env node
/**
 * The entry point (dist/cli.cjs). `--version` answers before the program loads (it is the
 * cheapest thing anyone runs, often in scripts), and so does `update` (or `update --check`) when
 * the project is up to date (fast-path.ts); everything else runs the program in program.ts,
 * which the build bundles into dist/scaffold.cjs, loaded through V8's code cache
 * (compile-cache.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireCached } from './compile-cache.js';
import { writeOut } from './output.js';
import { scaffoldVersion } from './package-root.js';
import type * as FastPath from './fast-path.js';
import type * as Program from './program.js';

const args = process.argv.slice(2);

// When the work is done and nothing is left to run or to write (the event loop is empty, so
// every write to stdout has finished, pipes included), exit at once: Node's teardown of the
// environment and the heap, which an exit without it spares, took init 12.2 ms against 7.4
// (from the 'exit' event to the parent's wait returning, 30 runs each; bench/README.md).
process.once('beforeExit', () => process.exit());

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  writeOut(`${scaffoldVersion()}\n`);
} else {
  const dist = dirname(fileURLToPath(import.meta.url));
  // `update` or `update --check` of an up-to-date project (CI's usual question) is answered without the program.
  const fast = args[0] === 'update' ? (requireCached(join(dist, 'fast-path.cjs'), 'fast-path') as typeof FastPath).answerFast(args) : undefined;
  if (typeof fast === 'number') {
    process.exitCode = fast;
  } else {
    // Each command keeps its own cache, named by the first word that is not an option; update's
    // check and a command's help take paths of their own.
    const help = args.includes('--help') || args.includes('-h');
    const command = `${args.find((a) => !a.startsWith('-')) ?? ''}${args.includes('--check') ? '-check' : ''}${help ? '-help' : ''}`;
    const program = requireCached(join(dist, 'scaffold.cjs'), command) as typeof Program;
    void program.main(process.argv, { upToDateAsked: fast === 'asked' }).then((code) => {
      process.exitCode = code;
    });
  }
}
