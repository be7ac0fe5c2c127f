// Two builds side by side: `node bench/compare.mjs <A> <B> [cases] [pairs]`. A and B are package
// folders (dist/, content/, templates/, package.json, and node_modules or a link to it), such as a
// copy of this checkout's before and after a change (bench/README.md says how to make them).
// Each pair runs one case with A and with B, in turn A first and B first, so that the machine's
// faster and slower minutes fall on both; the report gives the median of the differences B - A,
// the same for each order, and in how many pairs B was faster. On the 2-core VMs Scaffold is
// measured on, a build compared with itself gave medians from -4.3 to +2.9 ms, so a change is
// trusted when most of 100 pairs favour it, not by its median.
// Cases (comma-separated, default init): init, check, merge, answer, as in bench/run.mjs, and
// init-<N>x, init with N times the content (bench/scaling.mjs; init-20x writes ~1,000 files).
import { join, resolve } from 'node:path';
import { cleanup, freshDir, median, timeOnce } from './measure.mjs';
import { answerChanged, editedFive, FIVE, initialized, ML, nextRelease } from './projects.mjs';
import { syntheticPackage } from './scaling.mjs';

const [a, b, casesArg = 'init', pairsArg = '40'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/compare.mjs <package A> <package B> [init,init-20x,check,merge,answer] [pairs]');
const roots = [resolve(a), resolve(b)];
const pairs = Number(pairsArg);
process.env.NODE_COMPILE_CACHE = freshDir();

// Per package, made on first use: a project written by its init, its next release (for the
// merge), and its copies with N times the content.
const made = new Map();
const keep = (key, make) => made.get(key) ?? made.set(key, make()).get(key);
const sampleOf = (root) => keep(`sample ${root}`, () => initialized(join(root, 'dist/cli.cjs'), ML));
const releaseOf = (root) => keep(`release ${root}`, () => nextRelease(root, 'ml', FIVE));
const scaledOf = (root, scale) => keep(`${scale}x ${root}`, () => syntheticPackage(root, scale));

/** The arguments of one run of `name` with package `root`, its project prepared untimed. */
function argsOf(name, root) {
  const cli = (pkg) => join(pkg, 'dist/cli.cjs');
  if (name === 'init') return [cli(root), 'init', freshDir(), ...ML];
  const scale = /^init-(\d+)x$/.exec(name)?.[1];
  if (scale) return [cli(scaledOf(root, Number(scale)).pkg), 'init', freshDir(), ...ML];
  if (name === 'check') return [cli(root), 'update', '--check', '--quiet', sampleOf(root)];
  if (name === 'merge') return [cli(releaseOf(root).pkg), 'update', '--quiet', ...editedFive(sampleOf(root))().args];
  if (name === 'answer') return [cli(root), 'update', '--quiet', ...answerChanged(sampleOf(root))().args];
  throw new Error(`no case "${name}": init, init-<N>x, check, merge or answer`);
}

const fmt = (ms) => (Number.isNaN(ms) ? 'none' : `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`);
for (const name of casesArg.split(',')) {
  // One untimed run each: it writes the command's code cache, as a machine's first run does.
  const run = (root) => timeOnce([process.execPath, argsOf(name, root)]);
  for (const root of roots) run(root);
  const times = [[], []];
  const diffs = [[], []];
  let bFaster = 0;
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    const t = [0, 0];
    for (const side of order) t[side] = run(roots[side]);
    times[0].push(t[0]);
    times[1].push(t[1]);
    diffs[i % 2].push(t[1] - t[0]);
    if (t[1] < t[0]) bFaster++;
  }
  const all = [...diffs[0], ...diffs[1]];
  console.log(
    `${name}: A ${median(times[0]).toFixed(1)} ms, B ${median(times[1]).toFixed(1)} ms; B - A ${fmt(median(all))} ` +
      `(A first ${fmt(median(diffs[0]))}, B first ${fmt(median(diffs[1]))}); B faster in ${bFaster} of ${pairs} pairs`,
  );
}
// The packages; the projects are folders of measure.mjs's, which cleanup() removes.
for (const thing of made.values()) thing.cleanup?.();
cleanup();
