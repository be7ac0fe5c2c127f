// Whole-process timing: run a command and the floor (`node -e 0`) alternately, report medians
// and the median of the paired ratios, so a machine that speeds up or slows down mid-run
// affects both sides of each pair alike.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = [];

/** A new empty folder, removed by `cleanup`. Writable by all: yo drops root to nobody. */
export function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), 'scaffold-bench-'));
  chmodSync(dir, 0o777);
  made.push(dir);
  return dir;
}

export function cleanup() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const FLOOR = [process.execPath, ['-e', '0']];

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Flush the files earlier runs wrote, untimed. Otherwise a run that creates files pays for the
 * write-back of the runs before it, which a person running the tool once never does; on the
 * small VMs this was measured on, that doubled the time of creating a file.
 */
function settle() {
  spawnSync('sync');
}

/**
 * Wall milliseconds of one run. `prepare` runs first, untimed, and may return extra arguments
 * and a working folder (a fresh output folder per run). `input` is written to its stdin, which
 * then closes (an MCP server answers and exits).
 */
export function timeOnce([command, args], options = {}) {
  const { args: extra = [], cwd = options.cwd } = options.prepare ? options.prepare() : {};
  settle();
  const start = process.hrtime.bigint();
  const stdin = options.input === undefined ? 'ignore' : 'pipe';
  const run = spawnSync(command, [...args, ...extra], { cwd, env: { ...process.env, ...options.env }, input: options.input, stdio: [stdin, 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Peak resident memory in MiB, from GNU time, or undefined where it is not installed. */
export function peakMiB([command, args], options = {}) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const { args: extra = [], cwd = options.cwd } = options.prepare ? options.prepare() : {};
  const stdin = options.input === undefined ? 'ignore' : 'pipe';
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args, ...extra], { cwd, env: { ...process.env, ...options.env }, input: options.input, encoding: 'utf8', stdio: [stdin, 'ignore', 'pipe'] });
  const kb = Number(run.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

/**
 * `runs` pairs after one warm-up pair: the command, then the floor, or `against` (a command and
 * its options) when the question is what the command costs more than another.
 */
export function measure(command, { runs = 15, against = [FLOOR, {}], ...options } = {}) {
  const [other, otherOptions] = against;
  timeOnce(command, options);
  timeOnce(other, otherOptions);
  const times = [];
  const floors = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const t = timeOnce(command, options);
    const f = timeOnce(other, otherOptions);
    times.push(t);
    floors.push(f);
    ratios.push(t / f);
  }
  const memory = [0, 1, 2].map(() => peakMiB(command, options)).filter((m) => m !== undefined);
  const extraMs = median(times.map((t, i) => t - floors[i]));
  return { ms: median(times), floorMs: median(floors), ratio: median(ratios), extraMs, peakMiB: memory.length ? median(memory) : undefined };
}
