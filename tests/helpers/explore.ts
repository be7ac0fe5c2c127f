/** `scaffold explore` run from the built CLI as a person would, and requests to it as its page makes them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterEach } from 'vitest';
import { CLI } from './cli.js';

const started: ChildProcess[] = [];
afterEach(() => {
  // A test that failed before stopping its server: end it (by its own process object).
  while (started.length) {
    const child = started.pop()!;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

export interface Running {
  url: string;
  port: number;
  secret: string;
  child: ChildProcess;
  /** Ctrl+C, then what the command printed and its exit code. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Start `scaffold explore <dir> --no-open --json`, wait for its address, and read the secret from its page. */
export async function startExplore(dir: string, args: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'explore', dir, '--no-open', '--json', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const envelope = await new Promise<{ url: string }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      try {
        resolve(JSON.parse(stdout) as { url: string });
      } catch {
        // not the whole envelope yet
      }
    });
    void exited.then((code) => reject(new Error(`explore exited with ${code} before serving: ${stderr}`)));
  });
  const url = envelope.url;
  const page = await get(url, '/');
  const secret = /name="scaffold-secret" content="([^"]+)"/.exec(page.body)?.[1];
  if (!secret) throw new Error(`no secret in the page: ${page.body.slice(0, 200)}`);
  return {
    url,
    port: Number(new URL(url).port),
    secret,
    child,
    stop: async () => {
      child.kill('SIGINT');
      return { code: await exited, stdout, stderr };
    },
  };
}

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One request with any headers (Host included, which fetch does not let a caller set). */
export function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request of the page: with the run's secret, JSON back. */
export async function api<T = Record<string, unknown>>(run: Running, path: string, answers?: Record<string, string>): Promise<{ status: number; json: T }> {
  const reply = answers
    ? await get(run.url, path, { 'x-scaffold-secret': run.secret, 'content-type': 'application/json' }, 'POST', JSON.stringify({ answers }))
    : await get(run.url, path, { 'x-scaffold-secret': run.secret });
  return { status: reply.status, json: JSON.parse(reply.body) as T };
}

/** `/api/plan?...` for these answers. */
export const planPath = (answers: Record<string, string>) => `/api/plan?${new URLSearchParams(answers)}`;
