/**
 * `scaffold explore [dir]`: a page on 127.0.0.1 to choose the answers and see, before anything
 * is written, every file init would write into the folder, and then apply it.
 *
 * Ctrl+C stops the server and the command exits 0: stopping it is how a person ends a session of
 * exploring, not a cancelled run (nothing is pending; every apply finished or was not asked for).
 * A second Ctrl+C ends the process at once.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CommandContext } from '../commands/context.js';
import { printEnvelope, printWarnings } from '../commands/envelope.js';
import { readConfig } from '../config/load.js';
import { EXIT, UserError } from '../errors.js';
import { openBrowser } from './open-browser.js';
import { startServer } from './server.js';

export interface ExploreOptions {
  port?: string;
  /** false with --no-open. */
  open?: boolean;
  json?: boolean;
}

/** Resolves when the person stops the command (Ctrl+C, or a SIGTERM from a script). */
export function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function explore(dirArg: string | undefined, options: ExploreOptions, ctx: CommandContext, stopped = untilStopped): Promise<number> {
  // 1. The folder, which must exist: the plan is of what init would do there
  const projectDir = existingFolder(ctx, dirArg);
  const port = parsePort(options.port);
  // 2. A config.yml that does not read is fixed first, as for init and update; an old depth number is said once
  const warnings = readConfig(projectDir)?.warnings ?? [];

  // 3. Serve, say where, and open the browser when there is one
  const server = await startServer(projectDir, port);
  const stop = stopped(); // listening before the address is out, so a stop right after it counts
  const opened = options.open !== false && openBrowser(server.url);
  if (options.json) printEnvelope(ctx, 'explore', EXIT.ok, { url: server.url, projectDir, opened }, { warnings });
  else {
    printWarnings(ctx, warnings);
    ctx.stdout(`Scaffold explore for ${projectDir}\n\n  ${server.url}\n\n`);
    ctx.stdout(`${opened ? 'Opened in your browser.' : 'Open that address in your browser.'} Press Ctrl+C to stop.\n`);
  }

  // 4. Until the person stops it
  await stop;
  await server.close();
  if (!options.json) ctx.stdout('Stopped.\n');
  return EXIT.ok;
}

function existingFolder(ctx: Pick<CommandContext, 'cwd'>, dirArg: string | undefined): string {
  const dir = resolve(ctx.cwd, dirArg ?? '.');
  const shown = relative(ctx.cwd, dir) || dir;
  if (!existsSync(dir)) throw new UserError(`${shown}: no such folder; create it first, or pass the folder of your project`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${shown} is a file; scaffold explore shows a project folder: pass a folder`);
  return dir;
}

/** `--port`: a whole number from 1 to 65535; without it, a free port. */
function parsePort(port: string | undefined): number {
  if (port === undefined) return 0;
  const n = Number(port);
  if (!/^\d+$/.test(port) || n < 1 || n > 65535) throw new UserError(`--port: expected a whole number from 1 to 65535, found ${JSON.stringify(port)}`);
  return n;
}
