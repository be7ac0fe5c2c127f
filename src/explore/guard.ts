/**
 * Who may talk to the explore server. It listens on 127.0.0.1 only, and it may write into the
 * project, so every request must come from the page it served:
 *
 *   Host     must name this server (127.0.0.1 or localhost, this port): a page of another site
 *            whose name was pointed at 127.0.0.1 (DNS rebinding) sends its own name and is refused.
 *   Origin   when a browser sends one, it must be this server's: another site's page may send
 *            requests here, and is refused before anything runs.
 *   secret   every API request carries this run's secret in a header. The page gets it inside
 *            the HTML it is served; no other site can read that page, and a header cannot be
 *            set on a cross-site request without a preflight this server never grants.
 *   method   reads are GET, the one write (apply) is POST only.
 */
import { timingSafeEqual } from 'node:crypto';

export const SECRET_HEADER = 'x-scaffold-secret';

export interface Expected {
  port: number;
  secret: string;
}

export interface GuardRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Why a request is refused (status and a one-line reason), or undefined when it may go on. */
export function refusal(req: GuardRequest, expected: Expected, write: boolean): { status: number; reason: string } | undefined {
  const hosts = [`127.0.0.1:${expected.port}`, `localhost:${expected.port}`];
  const host = header(req, 'host');
  if (!host || !hosts.includes(host.toLowerCase())) return { status: 403, reason: `refused: Host ${host ?? '(none)'} is not this server` };
  const origin = header(req, 'origin');
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) return { status: 403, reason: `refused: Origin ${origin} is not this page` };
  const wanted = write ? 'POST' : 'GET';
  if (req.method !== wanted && !(req.method === 'HEAD' && !write)) return { status: 405, reason: `refused: ${req.method} here; this address takes ${wanted}` };
  return undefined;
}

/** Whether an API request carries this run's secret (compared in constant time). */
export function hasSecret(req: GuardRequest, secret: string): boolean {
  const given = Buffer.from(header(req, SECRET_HEADER) ?? '');
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function header(req: GuardRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
