#!/usr/bin/env node
/**
 * The entry point. `--version` answers before the command parser loads (it is the cheapest thing
 * anyone runs, often in scripts); everything else goes to the program in program.ts.
 */
import * as nodeModule from 'node:module';
import { scaffoldVersion } from './package-root.js';

// Node 22.1 and newer keep V8's compiled code of the bundle on disk for the next run (a third of
// a run's start-up); Node 20 has no such API, and runs without it.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const args = process.argv.slice(2);

// `scaffold init --help | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${scaffoldVersion()}\n`);
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}
