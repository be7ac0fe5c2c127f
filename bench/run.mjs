// npm run bench: cold-process medians and paired ratios against `node -e 0`, for the budgets in
// DESIGN.md §9, the same 30-file job run by peers, and init at 1x, 10x and 100x content. Scaffold
// is timed as a user runs it: the package packed and unpacked (bench/installed.mjs).
// Options: --runs N (default 15), --no-peers, --no-scaling.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, freshDir, measure } from './measure.mjs';
import { installedPackage } from './installed.mjs';
import { installPeers, peerJobs } from './peers.mjs';
import { syntheticPackage } from './scaling.mjs';
import { spawnSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 15;
if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('build first: npm run build');
// Timed as installed: the packed package, which is what `npx scaffold-overlays` runs.
const INSTALLED = installedPackage(ROOT);
const cli = (root = INSTALLED) => join(root, 'dist/cli.js');
const ML = ['--yes', '--quiet', '--type', 'ml', '--ml-phase', 'both', '--ml-model-type', 'deep-learning'];


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
row('scaffold --version', measure([process.execPath, [cli(), '--version']], { runs }), '<= 1.3x');
const initJob = { prepare: () => ({ args: [freshDir()] }) };
const sample = freshDir();
spawnSync(process.execPath, [cli(), 'init', sample, ...ML]);
const files = countFiles(sample);
row(`scaffold init, deep ml (${files} files)`, measure([process.execPath, [cli(), 'init', ...ML]], { runs, ...initJob }), '<= 2.5x, <= 80 MiB');
row('scaffold update --check, unchanged', measure([process.execPath, [cli(), 'update', '--check', '--quiet', sample]], { runs }), '<= 1.8x');
// An MCP client's first request: the server starts, answers initialize, and exits when stdin closes.
const INITIALIZE = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } })}\n`;
row('scaffold mcp, initialize answered', measure([process.execPath, [cli(), 'mcp']], { runs, cwd: sample, input: INITIALIZE }), '<= 3x');

if (!argv.includes('--no-peers')) {
  installPeers();
  for (const [name, [command, options]] of Object.entries(peerJobs())) {
    row(`${name} (${name === 'create-vite' ? 'its vanilla-ts template' : '30 files'})`, measure(command, { runs, ...options }), '');
  }
}

const scaling = [];
if (!argv.includes('--no-scaling')) {
  for (const scale of [1, 10, 100]) {
    const { pkg, cleanup: remove } = syntheticPackage(ROOT, scale);
    const probe = freshDir();
    spawnSync(process.execPath, [cli(pkg), 'init', probe, ...ML]);
    const n = countFiles(probe);
    const result = measure([process.execPath, [cli(pkg), 'init', ...ML]], { runs: Math.max(3, Math.round(runs / (scale === 100 ? 5 : 1))), ...initJob });
    scaling.push({ scale, files: n, ...result });
    console.error(`  init at ${scale}x content: ${n} files, ${result.ms.toFixed(0)} ms`);
    remove();
  }
}
cleanup();

console.log(`\n| case | median | floor | ratio | peak memory | budget |\n| --- | ---: | ---: | ---: | ---: | --- |`);
for (const r of rows) {
  console.log(`| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.floorMs.toFixed(0)} ms | ${r.ratio.toFixed(2)}x | ${r.peakMiB === undefined ? 'n/a' : `${r.peakMiB.toFixed(0)} MiB`} | ${r.target} |`);
}
if (scaling.length) {
  console.log(`\n| content | files written | init median | per file |\n| --- | ---: | ---: | ---: |`);
  for (const s of scaling) console.log(`| ${s.scale}x | ${s.files} | ${s.ms.toFixed(0)} ms | ${(s.ms / s.files).toFixed(2)} ms |`);
}
console.log(`\nnode ${process.version}, ${runs} runs per case; ratios are medians of per-pair ratios against \`node -e 0\`.`);
