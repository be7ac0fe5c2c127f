/**
 * `scaffold outdated [dir]`: is there a newer Scaffold than the one that last rendered this
 * project (and than the one running)? Asks the npm registry the person's npm would ask:
 * `npm_config_registry` from the environment, else `registry=` in the project's .npmrc, then
 * the user's ~/.npmrc, else the public registry. Exit 0 up to date, 1 a newer version exists,
 * 2 cannot tell (offline, a registry that does not answer, no such package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { newerVersion } from '../catalog/renames.js';
import { EXIT, UserError } from '../errors.js';
import { scaffoldVersion } from '../package-root.js';
import { MANIFEST_FILE } from '../project-files.js';
import { projectFolder, type CommandContext } from './context.js';
import { printEnvelope } from './envelope.js';

export const PACKAGE_NAME = 'scaffold-overlays';
const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';
/** Long enough for a slow registry, short enough that CI does not hang on a dead one. */
const TIMEOUT_MS = 5000;

export interface OutdatedOptions {
  json?: boolean;
  timeout?: string;
}

export async function outdated(dirArg: string | undefined, options: OutdatedOptions, ctx: CommandContext): Promise<number> {
  const projectDir = projectFolder(ctx, dirArg);
  const rendered = renderedVersion(projectDir);
  const installed = scaffoldVersion();
  const registry = registryOf(projectDir);
  const timeout = options.timeout === undefined ? TIMEOUT_MS : Number(options.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new UserError(`--timeout: expected a whole number of milliseconds, found ${JSON.stringify(options.timeout)}`);
  const latest = await latestVersion(registry, timeout);
  const behind = [rendered, installed].filter((v): v is string => !!v && newerVersion(latest.version, v));
  const code = behind.length > 0 ? EXIT.drift : EXIT.ok;
  const fields = { rendered: rendered ?? null, installed, latest: latest.version, registry, releaseNotes: latest.releaseNotes };
  if (options.json) {
    const errors = code === EXIT.ok ? [] : [{ code: 'out-of-date' as const, message: `${PACKAGE_NAME} ${latest.version} is out (this project was rendered by ${rendered ?? installed})` }];
    printEnvelope(ctx, 'outdated', code, fields, { errors });
    return code;
  }
  const lines = [
    `latest:    ${latest.version}  (${registry})`,
    `installed: ${installed}`,
    ...(rendered ? [`rendered:  ${rendered}  (.scaffold/manifest.json)`] : []),
  ];
  ctx.stdout(`${lines.join('\n')}\n`);
  if (code === EXIT.ok) ctx.stdout('Up to date.\n');
  else ctx.stdout(`A newer Scaffold exists: run \`npx ${PACKAGE_NAME}@${latest.version} update\`, or let the refresh workflow open the pull request. Release notes: ${latest.releaseNotes}\n`);
  return code;
}

/** The version recorded by the last run that rendered the project, if it was rendered. */
function renderedVersion(projectDir: string): string | undefined {
  const path = join(projectDir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const version = (JSON.parse(readFileSync(path, 'utf8')) as { scaffoldVersion?: unknown }).scaffoldVersion;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** The registry npm would use for an unscoped package, always ending in `/`. */
export function registryOf(projectDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = Object.entries(env).find(([k]) => k.toLowerCase() === 'npm_config_registry')?.[1];
  const userConfig = Object.entries(env).find(([k]) => k.toLowerCase() === 'npm_config_userconfig')?.[1] ?? join(homedir(), '.npmrc');
  const found = fromEnv || [join(projectDir, '.npmrc'), userConfig].map((f) => npmrcRegistry(f, env)).find(Boolean) || PUBLIC_REGISTRY;
  return found.endsWith('/') ? found : `${found}/`;
}

/** `registry=` in an .npmrc (ini: `;` and `#` comments, `${VAR}` from the environment). */
function npmrcRegistry(file: string, env: NodeJS.ProcessEnv): string | undefined {
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*registry\s*=\s*(.+?)\s*$/.exec(line);
    if (match) return match[1]!.replace(/^["']|["']$/g, '').replace(/\$\{([^}]+)\}/g, (_, name: string) => env[name] ?? '');
  }
  return undefined;
}

/** The registry's `latest` of the package: `GET <registry>/<name>/latest`, the version document. */
async function latestVersion(registry: string, timeout: number): Promise<{ version: string; releaseNotes: string }> {
  const url = `${registry}${PACKAGE_NAME}/latest`;
  const cannotTell = (why: string) => new UserError(`cannot tell whether a newer Scaffold exists: ${why}; check your network and the npm registry setting (npm config get registry), or run again later`, [], { code: 'environment' });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeout), headers: { accept: 'application/json' } });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    throw cannotTell(e.name === 'TimeoutError' ? `${registry} did not answer within ${timeout} ms` : `${registry} could not be reached (${e.cause?.code ?? e.message})`);
  }
  if (response.status === 404) throw cannotTell(`${registry} has no package ${PACKAGE_NAME}`);
  if (!response.ok) throw cannotTell(`${url} answered ${response.status} ${response.statusText}`);
  const body = (await response.json().catch(() => undefined)) as { version?: unknown; repository?: unknown } | undefined;
  const version = body?.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) throw cannotTell(`${url} gave no version`);
  return { version, releaseNotes: releaseNotesOf(body!.repository, version) };
}

/** The GitHub release of that version when the package names its repository there, else its npm page. */
function releaseNotesOf(repository: unknown, version: string): string {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  const github = typeof url === 'string' ? /github\.com[/:]([^/]+\/[^/.]+)/.exec(url)?.[1] : undefined;
  return github ? `https://github.com/${github}/releases/tag/v${version}` : `https://www.npmjs.com/package/${PACKAGE_NAME}/v/${version}`;
}
