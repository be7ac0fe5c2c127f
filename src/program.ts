/**
 * The commander program, and the one place that turns errors into exit codes (cli.ts sets it).
 * Commands are imported only when they run (commands/index.ts), and the per-type answer flags
 * (generated from the field declarations) are added only when the command that takes them runs.
 */
import { Command, CommanderError } from 'commander';
import { inquirerPrompter } from './answers/prompter.js';
import { CUSTOM_DEFAULT_DEPTH, DEPTH_NAMES } from './catalog/depth.js';
import { wantsColor, type CommandContext } from './commands/context.js';
import { printEnvelope, printWarnings } from './commands/envelope.js';
import { update } from './commands/update.js';
import { CancelledError, environmentError, EXIT, UserError, type Problem } from './errors.js';
import { isTerminal, writeErr, writeOut } from './output.js';
import { scaffoldVersion } from './package-root.js';

const commands = () => import('./commands/index.js');
/**
 * Commands that take `--type` and the answer flags of every type (`--ml-phase`, ...). They come
 * from the type list, added only when such a command runs, so other commands start without it.
 */
const TYPED_COMMANDS = ['init', 'show'];

function writeOptions(command: Command): Command {
  return command
    .option('--dry-run', 'print the plan, write nothing')
    .option('--json', 'print one JSON object on stdout (README "JSON output")')
    .option('-q, --quiet', 'print only the summary line and errors')
    .option('--force', 'overwrite files Scaffold does not own or you changed, keeping a .orig copy');
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}\n`).join('')}`;
}

/**
 * The program; `run` receives each command's exit code. Returns the commands that take answer
 * flags. With `json`, commander's own error lines are not printed: main() puts them in the envelope.
 */
export function buildProgram(ctx: CommandContext, run: (code: number) => void, json = false): { program: Command; typed: Command[] } {
  const program = new Command('scaffold')
    .description('Set a repository up for its project type: a tailored knowledge base and starter test suites that pass on the first run.')
    .version(scaffoldVersion(), '-v, --version')
    .option('--no-color', 'plain output (also NO_COLOR=1)')
    .option('--verbose', 'show stack traces of internal errors (also DEBUG=1)')
    // Set before the commands are added, so that each of them inherits it: a bad command line
    // throws (exit 2 in failure()) instead of commander's process.exit(1).
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: json ? () => {} : ctx.stderr })
    .showHelpAfterError('(run with --help for usage)');

  const init = writeOptions(program.command('init [dir]'))
    .description('set up a project (wizard in a terminal, or flags / an answers file); refreshes a configured project')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--methodology <methodology>', 'deep | mvp | custom (default deep)')
    .option('--depth <level>', `knowledge depth with --methodology custom: ${DEPTH_NAMES.join(' | ')} (default ${CUSTOM_DEFAULT_DEPTH})`)
    .option('--agents <list>', 'files for coding agents: agents-md, claude, cursor, copilot, skills, mcp; all; none (default agents-md,claude)')
    .option('--refresh <schedule>', 'a workflow opens a pull request with a newer Scaffold: weekly, daily, monthly or off (default weekly with deep, else off)')
    .option('-y, --yes', 'accept the defaults and never ask')
    .option('--answers <file>', 'read answers from a YAML or JSON file shaped like config.yml')
    .option('--no-interactive', 'never ask, even in a terminal')
    .option('--no-knowledge', 'skip the knowledge base (remembered in config.yml)')
    .option('--no-tests', 'skip the starter test suites (remembered in config.yml)')
    .option('--workspace', 'make the folder (a monorepo\'s root) a workspace root: the GitHub workflows of every unit below it')
    .addHelpText('after', examples('npx scaffold-overlays init', 'scaffold init demo --yes --type ml --ml-phase both', 'scaffold init --answers answers.yml --no-interactive'))
    .action(async (dir, opts) => run(await (await commands()).init(dir, opts, ctx)));

  writeOptions(program.command('update [dir]'))
    .description('re-render from .scaffold/config.yml and bring the generated files up to date')
    .option('--check', 'write nothing; exit 1 if anything is out of date (for CI)')
    .option('--restore <path...>', 'bring back generated files you deleted')
    .option('--all', 'every unit (a folder with its own .scaffold/) under the folder, each on its own; exits with the worst code')
    .addHelpText('after', examples('scaffold update', 'npx scaffold-overlays update --check', 'scaffold update --check --all', 'scaffold update --restore docs/knowledge/ml-security.md'))
    .action(async (dir, opts) => run(await update(dir, opts, ctx)));

  program
    .command('list [what]')
    .description('list project types, knowledge entries, suites, agents or the units under a folder (what: types | knowledge | suites | agents | units)')
    .option('--type <type>', 'only what applies to one project type (`scaffold list types` shows them)')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('scaffold list', 'scaffold list knowledge --type ml'))
    .action(async (what, opts) => run(await (await commands()).list(what, opts, ctx)));

  const show = program
    .command('show <entry>')
    .description('print a knowledge entry as it renders for this project')
    .option('--dir <dir>', 'the project (default: the current folder)')
    .option('--depth <level>', `render at this depth (${DEPTH_NAMES.join(' | ')}) instead of the project's`)
    .option('--json', 'print one JSON object on stdout, the text in `text`')
    .addHelpText('after', examples('scaffold show ml-testing', 'scaffold show ml-serving-patterns --ml-phase inference --ml-serving batch'))
    .action(async (entry, opts) => run(await (await commands()).show(entry, opts, ctx)));

  program
    .command('validate [dir]')
    .description('check .scaffold/config.yml and the local overlays; list every problem')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('scaffold validate'))
    .action(async (dir, opts) => run(await (await commands()).validate(dir, opts, ctx)));

  program
    .command('detach [paths...]')
    .description('stop managing these files, or (no paths) the whole project; every file stays as it is')
    .option('--dir <dir>', 'the project (default: the current folder)')
    .option('--dry-run', 'print what would be detached, change nothing')
    .option('--json', 'print one JSON object on stdout (README "JSON output")')
    .option('-q, --quiet', 'print only the summary line and errors')
    .addHelpText('after', examples('scaffold detach docs/knowledge/ml-security.md', 'scaffold detach'))
    .action(async (paths, opts) => run(await (await commands()).detach(paths, opts, ctx)));

  program
    .command('outdated [dir]')
    .description('is a newer Scaffold on the npm registry than the one that rendered this project? (exit 1 if so)')
    .option('--json', 'print one JSON object on stdout')
    .option('--timeout <ms>', 'give up on the registry after this long (default 5000)')
    .addHelpText('after', examples('scaffold outdated', 'npx scaffold-overlays outdated --json'))
    .action(async (dir, opts) => run(await (await commands()).outdated(dir, opts, ctx)));

  program
    .command('mcp')
    .description("a read-only MCP server over stdio: this project's knowledge, search, and what update would change")
    .option('--dir <dir>', 'the project (default: the current folder)')
    .addHelpText('after', examples('scaffold mcp', 'npx --yes scaffold-overlays mcp --dir services/model'))
    // The MCP SDK loads only for this command (src/vendor/).
    .action(async (opts) => run(await (await commands()).mcp(opts, ctx)));

  program
    .command('explore [dir]')
    .description('a local page to choose the answers, see every file init would write and its content, share the answers, and apply')
    .option('--port <port>', 'listen on this port of 127.0.0.1 (default: a free one)')
    .option('--no-open', 'print the address only; do not open a browser')
    .option('--json', 'print one JSON object on stdout once serving, the address in `url`')
    .addHelpText('after', examples('scaffold explore', 'npx scaffold-overlays explore services/model --port 4173 --no-open'))
    .action(async (dir, opts) => run(await (await import('./explore/command.js')).explore(dir, opts, ctx)));

  program
    .command('schema')
    .description('print the JSON Schema of .scaffold/config.yml')
    .option('--json', 'print one JSON object on stdout, the schema in `schema`')
    .addHelpText('after', examples('scaffold schema > config.schema.json'))
    .action(async (opts) => run(await (await commands()).schema(opts, ctx)));

  return { program, typed: [init, show] };
}

/** Run the command line `argv`; `upToDateAsked` as the entry found it (CommandContext). */
export async function main(argv: string[], { upToDateAsked = false } = {}): Promise<number> {
  const args = argv.slice(2);
  const json = args.includes('--json');
  const verbose = args.includes('--verbose') || !!process.env.DEBUG;
  const ctx: CommandContext = {
    cwd: process.cwd(),
    // Read when asked: making process.stdin costs a few ms that update --check and init --yes never need.
    get isTTY() {
      return isTerminal(0) && isTerminal(1);
    },
    get color() {
      return wantsColor(args);
    },
    stdout: writeOut,
    stderr: writeErr,
    prompter: inquirerPrompter,
    upToDateAsked,
  };
  let code: number = EXIT.ok;
  const { program, typed } = buildProgram(ctx, (c) => (code = c), json);
  // The command is the first word naming one (`scaffold --no-color init ...`).
  const command = args.find((a) => program.commands.some((c) => c.name() === a)) ?? '';
  if (TYPED_COMMANDS.includes(command)) {
    const { addTypeFlags } = await commands();
    typed.forEach(addTypeFlags);
  }
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    return failure(error, ctx, json, verbose, command);
  }
}

export function failure(error: unknown, ctx: CommandContext, json: boolean, verbose: boolean, command: string): number {
  const fail = (exitCode: number, errors: Problem[], warnings: string[] = []) => {
    if (json) printEnvelope(ctx, command, exitCode, {}, { warnings, errors });
    return exitCode;
  };
  if (error instanceof CommanderError) {
    // Help and --version end through here too (exit code 0). Anything else is a command line
    // that could not be read (unknown command or option, missing argument): commander has
    // printed it, unless --json, where it goes into the envelope.
    if (error.exitCode === 0) return EXIT.ok;
    // Without a command, commander shows the help (on stderr) and says only "(outputHelp)".
    const message = error.code === 'commander.help' ? 'no command given: run `scaffold --help` for the commands' : error.message.replace(/^error: /, '').replace(/\n/g, ' ');
    const flag = /'(--?[\w-]+)/.exec(message)?.[1];
    return fail(EXIT.user, [{ code: 'usage', message, ...(flag?.startsWith('-') && { flag }) }]);
  }
  // A failure of the environment (no permission, a full disk) that no stage translated: still the
  // person's to fix, so one line and exit 2, never the "this is a bug" of exit 70.
  error = environmentError(error);
  if (error instanceof CancelledError) {
    if (!json) ctx.stderr(`\n${error.message}\n`);
    return fail(EXIT.cancelled, [{ code: 'cancelled', message: error.message }]);
  }
  if (error instanceof UserError) {
    if (!json) {
      printWarnings(ctx, error.warnings);
      ctx.stderr(`error: ${[error.message, ...error.details, ...(error.hint ? [error.hint] : [])].join('\n  ')}\n`);
    }
    return fail(EXIT.user, error.problems(), error.warnings);
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr(`internal error: ${message}\n`);
  ctx.stderr(verbose && error instanceof Error ? `${error.stack}\n` : 'This is a bug in Scaffold. Run again with --verbose for details, and report it.\n');
  return fail(EXIT.internal, [{ code: 'internal', message: `internal error: ${message}` }]);
}

