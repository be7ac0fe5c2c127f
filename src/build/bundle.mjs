// npm run bundle (part of npm run build): esbuild writes dist/.
//
//   dist/cli.js          the entry: answers --version, else imports the program.
//   dist/chunks/         Scaffold's code and the libraries it always uses. esbuild splits at each
//                        import() of a module of src/, and there are two (cli.ts -> program.ts
//                        -> commands/index.ts), so init loads seven files: those three, zod, and
//                        the pieces they share. Each file costs a module resolve and link; init
//                        loaded 21 before, about 30 ms of its run on two cores. A new import() of
//                        a module of src/ adds files to every run: go through commands/index.ts.
//   dist/vendor/*        libraries that only one command loads, each in its own file so that the
//                        others never read or compile them (src/vendor/load.ts, src/source/yaml.ts).
//                        The MCP SDK is built with the program, to share its copy of zod.
//   dist/build/          the build's own step that stores parsed content (src/build/precompile.ts);
//                        not in the package.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
// Bundled CommonJS code (commander, yaml) calls require(); an ES module has none of its own.
const REQUIRE = "import{createRequire as __scaffoldRequire}from'node:module';const require=__scaffoldRequire(import.meta.url);";
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };
const esm = { ...common, format: 'esm', banner: { js: REQUIRE } };

// commander loads node:child_process when it loads (about 6 ms on two cores, in every command),
// for executable subcommands, which Scaffold has none of. Here it loads on first use instead. The
// build fails if commander's line changes, rather than quietly going back to the eager load.
const LAZY_CHILD_PROCESS = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const eager = "const childProcess = require('node:child_process');";
      const text = readFileSync(path, 'utf8');
      if (!text.includes(eager)) throw new Error(`${path} no longer has \`${eager}\`: update LAZY_CHILD_PROCESS in src/build/bundle.mjs`);
      return { contents: text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};

rmSync(DIST, { recursive: true, force: true });
await Promise.all([
  build({
    ...esm,
    entryPoints: [join(ROOT, 'src/cli.ts'), { in: join(ROOT, 'src/vendor/mcp-sdk.ts'), out: 'vendor/mcp-sdk' }],
    outdir: DIST,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [LAZY_CHILD_PROCESS],
  }),
  build({ ...esm, entryPoints: [join(ROOT, 'src/build/precompile.ts')], outfile: join(DIST, 'build/precompile.js') }),
  build({ ...esm, entryPoints: [join(ROOT, 'src/vendor/prompts.ts')], outfile: join(DIST, 'vendor/prompts.js') }),
  // Loaded with require(): yaml() is synchronous.
  build({ ...common, format: 'cjs', stdin: { contents: "module.exports = require('yaml');", resolveDir: ROOT }, outfile: join(DIST, 'vendor/yaml.cjs') }),
]);
