// npm run bench: cold-process medians and paired ratios against `node -e 0`, for the targets of
// issue 15 (the budget column), the same 30-file job run by peers, merges of a 5 MB and a 50 MB
// edited file, and init at 1x, 10x and 20x content (about 1,000 files). Scaffold is timed as a
// user runs it: the package packed and unpacked (bench/installed.mjs).
// Options: --runs N (default 15), --no-peers, --no-scaling, --no-large.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, freshDir, measure } from './measure.mjs';
import { installedPackage } from './installed.mjs';
import { installPeers, peerJobs } from './peers.mjs';
import { syntheticPackage } from './scaling.mjs';
import { answerChanged, copyWith, editedFive, FIVE, initialized, insertBlock, knowledgeFile, ML, nextRelease } from './projects.mjs';
import { spawnSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 15;
if (!existsSync(join(ROOT, 'dist/cli.cjs'))) throw new Error('build first: npm run build');
// Timed as installed: the packed package, which is what `npx scaffold-overlays` runs.
const INSTALLED = installedPackage(ROOT);
// Scaffold keeps V8's compiled code between runs (src/compile-cache.ts): each case's warm-up run
// writes it, the timed runs use it, as every run after a machine's first does. A folder of the
// bench's own, so that no earlier cache is used; one row is timed without it.
process.env.NODE_COMPILE_CACHE = freshDir();
const cli = (root = INSTALLED) => join(root, 'dist/cli.cjs');


function countFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !d.parentPath.includes('.scaffold')).length;
}

const rows = [];
function row(name, result, target, note = '') {
  rows.push({ name, ...result, target, note });
  const mem = result.peakMiB === undefined ? '' : `, ${result.peakMiB.toFixed(1)} MiB`;
  console.error(`  ${name}: ${result.ms.toFixed(1)} ms, ${result.ratio.toFixed(2)}x${mem}`);
}

console.error(`Measuring ${runs} runs of each, alternating with node -e 0 ...`);
row('scaffold --version', measure([process.execPath, [cli(), '--version']], { runs }), '<= 1.15x');
const initJob = { prepare: () => ({ args: [freshDir()] }) };
const sample = initialized(cli(), ML);
const files = countFiles(sample);
row(`scaffold init, deep ml (${files} files)`, measure([process.execPath, [cli(), 'init', ...ML]], { runs, ...initJob }), '<= 1.6x, <= 64 MiB');
row('scaffold init, deep ml, without the code cache (a first run)', measure([process.execPath, [cli(), 'init', ...ML]], { runs, ...initJob, env: { NODE_DISABLE_COMPILE_CACHE: '1' } }), '');
row('scaffold update --check, unchanged', measure([process.execPath, [cli(), 'update', '--check', '--quiet', sample]], { runs }), '<= 1.3x');

// Update after a person's edits and a new release: five edited knowledge files, each changed by
// the release too, are merged line by line.
const next = nextRelease(ROOT, 'ml', FIVE);
row('scaffold update, merging 5 edited files', measure([process.execPath, [cli(next.pkg), 'update', '--quiet']], { runs, prepare: editedFive(sample) }), '<= 2.0x');
// Update after an answer change: the model type in config.yml, which changes code and entries.
row('scaffold update, after an answer change', measure([process.execPath, [cli(), 'update', '--quiet']], { runs, prepare: answerChanged(sample) }), '<= 2.0x');

// A person's very large edit of a file the release changed: time per MiB at 5 and at 50 MiB.
const large = [];
if (!argv.includes('--no-large')) {
  for (const repetitive of [false, true]) {
    for (const mib of [5, 50]) {
      const prepare = copyWith(sample, (dir) => insertBlock(knowledgeFile(dir, 'ml-testing'), mib, repetitive));
      const result = measure([process.execPath, [cli(next.pkg), 'update', '--quiet']], { runs: 3, prepare });
      large.push({ lines: repetitive ? 'one line repeated' : 'unique lines', mib, ...result });
      console.error(`  merge of a ${mib} MiB edit (${repetitive ? 'repetitive' : 'unique'}): ${result.ms.toFixed(0)} ms, ${result.peakMiB?.toFixed(0)} MiB`);
    }
  }
}
next.cleanup();
// An MCP client's first request: the server starts, answers initialize, and exits when stdin closes.
const INITIALIZE = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } })}\n`;
row('scaffold mcp, initialize answered', measure([process.execPath, [cli(), 'mcp']], { runs, cwd: sample, input: INITIALIZE }), '<= 3x');

if (!argv.includes('--no-peers')) {
  installPeers();
  for (const [name, [command, options]] of Object.entries(peerJobs())) {
    row(`${name} (${name === 'create-vite' ? 'its vanilla-ts template' : '30 files'})`, measure(command, { runs, ...options }), '');
  }
}

// Init at 10x and 20x content, each run alternately with init at 1x: the time per extra file is
// the median of the paired differences, so that the machine's slower and faster minutes, which
// move a series of a few runs by tens of ms, fall on both sides of each pair.
const scaling = [];
if (!argv.includes('--no-scaling')) {
  const initOf = (pkg) => [process.execPath, [cli(pkg), 'init', ...ML]];
  const filesOf = (pkg) => {
    const probe = freshDir();
    spawnSync(process.execPath, [cli(pkg), 'init', probe, ...ML]);
    return countFiles(probe);
  };
  const one = syntheticPackage(ROOT, 1);
  const oneFiles = filesOf(one.pkg);
  for (const scale of [10, 20]) {
    const { pkg, cleanup: remove } = syntheticPackage(ROOT, scale);
    const n = filesOf(pkg);
    const result = measure(initOf(pkg), { runs: Math.max(5, Math.round(runs / 2)), ...initJob, against: [initOf(one.pkg), initJob] });
    if (scaling.length === 0) scaling.push({ scale: 1, files: oneFiles, ms: result.floorMs });
    scaling.push({ scale, files: n, ms: result.ms, perFile: result.extraMs / (n - oneFiles) });
    console.error(`  init at ${scale}x content: ${n} files, ${result.ms.toFixed(0)} ms (at 1x ${result.floorMs.toFixed(0)} ms), ${(result.extraMs / (n - oneFiles)).toFixed(2)} ms per extra file`);
    remove();
  }
  one.cleanup();
}
cleanup();

console.log(`\n| case | median | floor | ratio | peak memory | budget |\n| --- | ---: | ---: | ---: | ---: | --- |`);
for (const r of rows) {
  console.log(`| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.floorMs.toFixed(0)} ms | ${r.ratio.toFixed(2)}x | ${r.peakMiB === undefined ? 'n/a' : `${r.peakMiB.toFixed(0)} MiB`} | ${r.target} |`);
}
if (large.length) {
  console.log(`\n| merge of an edited file | size | update median | per MiB | peak memory |\n| --- | ---: | ---: | ---: | ---: |`);
  for (const l of large) console.log(`| ${l.lines} | ${l.mib} MiB | ${l.ms.toFixed(0)} ms | ${(l.ms / l.mib).toFixed(0)} ms | ${l.peakMiB?.toFixed(0) ?? 'n/a'} MiB |`);
}
if (scaling.length) {
  console.log(`\n| content | files written | init median | per file above 1x |\n| --- | ---: | ---: | ---: |`);
  for (const s of scaling) console.log(`| ${s.scale}x | ${s.files} | ${s.ms.toFixed(0)} ms | ${s.perFile === undefined ? '' : `${s.perFile.toFixed(2)} ms`} |`);
}
console.log(`\nnode ${process.version}, ${runs} runs per case; ratios are medians of per-pair ratios against \`node -e 0\`.`);
