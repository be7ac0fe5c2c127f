// How fast the explore page's plan follows an answer, for a deep ml project (issue 21: within
// 150 ms). Starts the built CLI's `scaffold explore` on a fresh folder, then asks for the plan
// again and again, changing one answer each time as a person would, and prints the server's own
// time (the `ms` of each plan) and the round trip. Run after `npm run build`:
//
//   node tests/helpers/explore-latency.mjs [--runs 40] [--with-config]
//
// --with-config first writes the project (init), so each plan also compares 58 files on disk.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 40;
const dir = join(mkdtempSync(join(tmpdir(), 'explore-latency-')), 'fraud-model');
const ML = { type: 'ml', 'ml-phase': 'both', methodology: 'deep' };
if (argv.includes('--with-config')) {
  spawnSync(process.execPath, [CLI, 'init', dir, '--yes', '--quiet', '--type', 'ml', '--ml-phase', 'both'], { stdio: 'inherit' });
} else {
  spawnSync('mkdir', ['-p', dir]);
}

const server = spawn(process.execPath, [CLI, 'explore', dir, '--no-open', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
for await (const chunk of server.stdout) {
  out += chunk;
  if (out.trim().endsWith('}')) break;
}
const { url } = JSON.parse(out);
const secret = /name="scaffold-secret" content="([^"]+)"/.exec(await (await fetch(url)).text())[1];

const models = ['deep-learning', 'classical', 'llm'];
const server_ms = [];
const round_ms = [];
for (let i = 0; i < runs + 1; i++) {
  const answers = { ...ML, 'ml-model-type': models[i % models.length] };
  const start = performance.now();
  const plan = await (await fetch(`${url}api/plan?${new URLSearchParams(answers)}`, { headers: { 'x-scaffold-secret': secret } })).json();
  const round = performance.now() - start;
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  if (i === 0) {
    console.log(`first plan after start (cold): ${plan.ms} ms on the server, ${round.toFixed(1)} ms round trip, ${plan.files.length} files`);
    continue;
  }
  server_ms.push(plan.ms);
  round_ms.push(round);
}
server.kill('SIGINT');
rmSync(join(dir, '..'), { recursive: true, force: true });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)}, p90 ${at(0.9).toFixed(1)}, max ${s[s.length - 1].toFixed(1)} ms`;
};
console.log(`${runs} answer changes, deep ml${argv.includes('--with-config') ? ' (project already written)' : ''}:`);
console.log(`  server: ${stats(server_ms)}`);
console.log(`  round trip: ${stats(round_ms)}`);
