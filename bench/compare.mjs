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
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cleanup, freshDir, median } from './measure.mjs';
import { answerChanged, editedFive, FIVE, initialized, ML, nextRelease } from './projects.mjs';
import { syntheticPackage } from './scaling.mjs';

const [a, b, casesArg = 'init', pairsArg = '40'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/compare.mjs <package A> <package B> [init,init-20x,check,merge,answer] [pairs]');
const roots = [resolve(a), resolve(b)];
const pairs = Number(pairsArg);
process.env.NODE_COMPILE_CACHE = freshDir();

// Per package: a project written by its init, and its next release (for the merge).
const samples = new Map();
const releases = new Map();
const sampleOf = (root) => samples.get(root) ?? samples.set(root, initialized(join(root, 'dist/cli.cjs'), ML)).get(root);
const releaseOf = (root) => releases.get(root) ?? releases.set(root, nextRelease(root, 'ml', FIVE)).get(root);
const scaled = new Map();
const scaledOf = (root, scale) => scaled.get(`${scale} ${root}`) ?? scaled.set(`${scale} ${root}`, syntheticPackage(root, scale)).get(`${scale} ${root}`);

/** The command line of one run of `name` with package `root`, its project prepared untimed. */
function commandOf(name, root) {
  const cli = (pkg) => join(pkg, 'dist/cli.cjs');
  if (name === 'init') return [cli(root), 'init', freshDir(), ...ML];
  const scale = /^init-(\d+)x$/.exec(name)?.[1];
  if (scale) return [cli(scaledOf(root, Number(scale)).pkg), 'init', freshDir(), ...ML];
  if (name === 'check') return [cli(root), 'update', '--check', '--quiet', sampleOf(root)];
  if (name === 'merge') return [cli(releaseOf(root).pkg), 'update', '--quiet', ...editedFive(sampleOf(root))().args];
  if (name === 'answer') return [cli(root), 'update', '--quiet', ...answerChanged(sampleOf(root))().args];
  throw new Error(`no case "${name}": init, init-<N>x, check, merge or answer`);
}

function timeOnce(name, root) {
  const args = commandOf(name, root);
  spawnSync('sync');
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${name} with ${root} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const fmt = (ms) => (Number.isNaN(ms) ? 'none' : `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`);
for (const name of casesArg.split(',')) {
  // One untimed run each: it writes the command's code cache, as a machine's first run does.
  for (const root of roots) timeOnce(name, root);
  const times = [[], []];
  const diffs = [[], []];
  let bFaster = 0;
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    const t = [0, 0];
    for (const side of order) t[side] = timeOnce(name, roots[side]);
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
for (const made of [...releases.values(), ...scaled.values()]) made.cleanup();
cleanup();
