/**
 * The explore server: the page and its assets, and a small JSON API over the project folder.
 *
 *   GET  /                 the page, with this run's secret inside it
 *   GET  /app.js, /app.css the page's assets (built into dist/explore/ by `npm run build`)
 *   GET  /api/form         the questions, from the type list, and the folder's config.yml answers
 *   GET  /api/plan?A       the plan for the answers A (init's flags as a query string)
 *   GET  /api/file/P?A     one file P of that plan: its content after apply and its diff
 *   POST /api/apply        writes the plan for the answers in the JSON body, as init does
 *
 * guard.ts says who may ask. Errors of the answers are part of a plan (the page shows them);
 * anything else answers 500 with its message and is a bug.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { environmentError, UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { projectTypes } from '../catalog/types.js';
import { answersOf, exampleAnswers, type Answers } from './answers.js';
import { formOf } from './form.js';
import { hasSecret, refusal, type Expected } from './guard.js';
import { planFor, planView, type Planned } from './plan.js';
import { previewOf } from './preview.js';

export const ASSETS_DIR = join(PACKAGE_ROOT, 'dist/explore');

const ASSETS: Record<string, string> = { '/app.js': 'text/javascript', '/app.css': 'text/css' };

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export interface ExploreServer {
  url: string;
  secret: string;
  /** Stops taking requests, lets a running apply finish, then closes every connection. */
  close(): Promise<void>;
}

export async function startServer(projectDir: string, port: number): Promise<ExploreServer> {
  const secret = randomBytes(24).toString('base64url');
  const expected: Expected = { port, secret };
  const running = new Set<Promise<unknown>>();
  // The last plan, for the previews of its files; a plan request always computes a fresh one.
  let last: { key: string; planned: Planned } | undefined;
  const planned = async (answers: Answers): Promise<Planned> => {
    const key = JSON.stringify(answers);
    if (last?.key !== key) last = { key, planned: await planFor(projectDir, answers) };
    return last.planned;
  };
  const routes: Routes = {
    form: () => formOf(projectDir),
    plan: async (answers) => {
      const { planned: fresh, ...view } = await planView(projectDir, answers);
      if (fresh) last = { key: JSON.stringify(answers), planned: fresh };
      return view;
    },
    file: async (answers, path) => previewOf(projectDir, await planned(answers), path),
    apply: async (answers) => {
      last = undefined;
      const { exitCode, report } = await planFor(projectDir, answers, true);
      return { exitCode, report };
    },
  };
  // node:http loads here, not with the program: every other command would pay for it.
  const { createServer } = process.getBuiltinModule('node:http');
  const server = createServer((req, res) => {
    const work = handle(req, res, expected, routes).catch((error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : String(error) }));
    running.add(work);
    void work.finally(() => running.delete(work));
  });
  expected.port = await listen(server, port);
  // Fill the caches a first plan fills (catalog, parsed templates, schemas) while the browser
  // opens, so that the page's first plan is as quick as the next. It only plans; nothing is written.
  const initial = formOf(projectDir).initial;
  void routes.plan(initial.type ? initial : exampleAnswers(projectTypes().ids[0]!)).catch(() => {});
  return {
    url: `http://127.0.0.1:${expected.port}/`,
    secret,
    close: async () => {
      server.close();
      server.closeIdleConnections();
      await Promise.allSettled([...running]);
      server.closeAllConnections();
    },
  };
}

interface Routes {
  form(): unknown;
  plan(answers: Answers): Promise<unknown>;
  file(answers: Answers, path: string): Promise<unknown>;
  apply(answers: Answers): Promise<unknown>;
}

async function handle(req: IncomingMessage, res: ServerResponse, expected: Expected, routes: Routes): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const write = url.pathname === '/api/apply';
  const refused = refusal(req, expected, write);
  if (refused) return send(res, refused.status, { error: refused.reason });
  if (url.pathname === '/') return page(res, expected.secret);
  if (ASSETS[url.pathname]) return asset(res, url.pathname);
  if (!url.pathname.startsWith('/api/')) return send(res, 404, { error: `${url.pathname}: no such page` });
  if (!hasSecret(req, expected.secret)) return send(res, 403, { error: "refused: this run's secret is missing; use the page `scaffold explore` opened" });
  const answers = answersOf(url.searchParams);
  try {
    if (url.pathname === '/api/form') return send(res, 200, routes.form());
    if (url.pathname === '/api/plan') return send(res, 200, await timed(() => routes.plan(answers)));
    if (url.pathname.startsWith('/api/file/')) return send(res, 200, await routes.file(answers, decodeURIComponent(url.pathname.slice('/api/file/'.length))));
    if (write) return send(res, 200, await routes.apply(await bodyAnswers(req)));
  } catch (thrown) {
    const error = environmentError(thrown);
    if (error instanceof UserError) return send(res, 400, { error: error.message, problems: error.problems() });
    throw thrown;
  }
  return send(res, 404, { error: `${url.pathname}: no such request` });
}

/** The plan with how long the server took to make it, for the page and the latency script. */
async function timed(make: () => Promise<unknown>): Promise<unknown> {
  const start = performance.now();
  const result = (await make()) as object;
  return { ...result, ms: Math.round((performance.now() - start) * 10) / 10 };
}

function page(res: ServerResponse, secret: string): void {
  const html = readAsset('index.html').replace('%SCAFFOLD_SECRET%', secret);
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' }).end(html);
}

function asset(res: ServerResponse, path: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': `${ASSETS[path]}; charset=utf-8` }).end(readAsset(path.slice(1)));
}

function readAsset(name: string): string {
  const path = join(ASSETS_DIR, name);
  if (!existsSync(path)) throw new Error(`the page's ${name} is missing from ${ASSETS_DIR}: run \`npm run build\``);
  return readFileSync(path, 'utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** The answers of a POST: `{ "answers": { "type": "ml", ... } }`, at most 64 KiB. */
async function bodyAnswers(req: IncomingMessage): Promise<Answers> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 65536) throw new UserError('the request is too large', [], { code: 'usage' });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UserError('the request is not JSON', [], { code: 'usage' });
  }
  const answers = (body as { answers?: unknown } | null)?.answers;
  if (typeof answers !== 'object' || answers === null || Object.values(answers).some((v) => typeof v !== 'string')) {
    throw new UserError('the request needs "answers": a map of flag names to text', [], { code: 'usage' });
  }
  return answers as Answers;
}

/** Listen on 127.0.0.1 only; a port that is taken or not allowed is the person's to change. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'is in use' : error.code === 'EACCES' ? 'needs privileges you do not have' : `cannot be used (${error.code})`;
      reject(new UserError(`--port ${port}: that port ${why} on 127.0.0.1; pass another --port, or leave it out for a free one`, [], { code: 'environment' }));
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
