/**
 * Output written to the descriptor (src/output.ts): whole through a pipe that another program
 * left non-blocking, and quiet when the reader goes away. Pipes are made by Python, which can set
 * a pipe's size and its blocking mode (Linux only, like F_SETPIPE_SZ).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/project.js';

/** Runs `scaffold schema` with stdout on a 4 KB pipe; `python` reads it (r) and ends with a JSON line. */
function throughPipe(python: string): { code: number; stdout: string; stderr: string } {
  const script = `
import fcntl, json, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ: a small pipe fills at once
${python}
`;
  const run = spawnSync('python3', ['-c', script, process.execPath, CLI], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

describe.runIf(process.platform === 'linux')('output through a pipe', () => {
  it('arrives whole when the pipe is non-blocking and its reader is slow', () => {
    const expected = cli(['schema'], tempDir()).stdout;
    expect(expected.length).toBeGreaterThan(10 * 4096);
    const result = throughPipe(`
os.set_blocking(w, False)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'schema'], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(0.5)
out = b''
while chunk := os.read(r, 65536):
    out += chunk
print(json.dumps({'code': p.wait(), 'stdout': out.decode(), 'stderr': p.stderr.read().decode()}))
`);
    expect(result).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('ends quietly with exit 0 when the reader stops early, as `scaffold schema | head` does', () => {
    const result = throughPipe(`
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'schema'], stdout=w, stderr=subprocess.PIPE)
os.close(w)
first = os.read(r, 10)
os.close(r)
print(json.dumps({'code': p.wait(), 'stdout': first.decode(), 'stderr': p.stderr.read().decode()}))
`);
    expect(result).toEqual({ code: 0, stdout: '{\n  "$sche', stderr: '' });
  });
});
