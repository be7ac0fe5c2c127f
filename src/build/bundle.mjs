// npm run bundle (part of npm run build): esbuild writes dist/.
//
//   dist/cli.cjs         the entry: answers --version, else loads the program with V8's code
//                        cache (src/compile-cache.ts).
//   dist/scaffold.cjs    the program: all of Scaffold's code and the libraries every command may
//                        use, in one file. One file rather than a graph of chunks: Node resolves
//                        and links each ES module (init loaded 21, about 30 ms of its run on two
//                        cores), and a CommonJS file can be compiled with a code cache on Node
//                        20 too. Code behind an import() (commands/index.ts, explore) is
//                        evaluated only when a command needs it, so update's fast path runs
//                        little of it.
//   dist/fast-path.cjs  `update --check` on an up-to-date project (src/fast-path.ts): the few
//                        modules it needs, bundled again on their own, so that CI's usual
//                        question reads neither commander nor the program.
//   dist/vendor/*        libraries that only one command loads, each in its own file so that the
//                        others never read or compile them (src/vendor/load.ts, src/source/yaml.ts).
//   dist/build/          the build's own step that stores parsed content (src/build/precompile.ts);
//                        not in the package.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };
// The sources are ES modules; the bundles are CommonJS, where import.meta.url is the file's URL.
const cjs = { ...common, format: 'cjs', define: { 'import.meta.url': 'importMetaUrl' }, inject: [join(ROOT, 'src/build/import-meta-url.js')] };
// The build step is an ES module; bundled CommonJS code in it calls require().
const REQUIRE = "import{createRequire as __scaffoldRequire}from'node:module';const require=__scaffoldRequire(import.meta.url);";

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

const src = (file) => join(ROOT, 'src', file);
rmSync(DIST, { recursive: true, force: true });
await Promise.all([
  build({ ...cjs, entryPoints: [src('cli.ts')], outfile: join(DIST, 'cli.cjs') }),
  build({ ...cjs, entryPoints: [src('program.ts')], outfile: join(DIST, 'scaffold.cjs'), plugins: [LAZY_CHILD_PROCESS] }),
  build({ ...cjs, entryPoints: [src('fast-path.ts')], outfile: join(DIST, 'fast-path.cjs') }),
  build({ ...cjs, entryPoints: [src('vendor/mcp-sdk.ts')], outfile: join(DIST, 'vendor/mcp-sdk.cjs') }),
  build({ ...cjs, entryPoints: [src('vendor/prompts.ts')], outfile: join(DIST, 'vendor/prompts.cjs') }),
  // yaml() is synchronous: it requires this file. The library's ES module build (its "default"
  // export condition, which platform "neutral" picks instead of "node"'s CommonJS) lets esbuild
  // leave out what src/vendor/yaml.ts does not name: 98 KB instead of 115, and -1.3 ms to load
  // and parse a config.yml (31 paired runs, two cores).
  build({ ...common, platform: 'neutral', format: 'cjs', entryPoints: [src('vendor/yaml.ts')], outfile: join(DIST, 'vendor/yaml.cjs') }),
  build({ ...common, format: 'esm', banner: { js: REQUIRE }, entryPoints: [src('build/precompile.ts')], outfile: join(DIST, 'build/precompile.js') }),
]);
