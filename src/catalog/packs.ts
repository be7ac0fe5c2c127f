/**
 * Content packs: an organisation's own knowledge entries, suites and overlays, published as an
 * npm package (or kept in a folder) and listed in config.yml: `packs: ["@acme/scaffold-pack"]`.
 * A pack holds any of knowledge/, suites/ and overlays/, in the same formats as Scaffold's own
 * content (README "Content packs").
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';

export interface Pack {
  /** As written in config.yml. */
  spec: string;
  /** The package name, or the folder for a pack given as a path. */
  name: string;
  version?: string;
  /** Absolute folder. */
  root: string;
  /** How messages name the pack's files: `@acme/scaffold-pack/knowledge/x.md`. */
  shown: string;
}

export const PACK_FOLDERS = ['knowledge', 'suites', 'overlays'] as const;

const isPath = (spec: string) => spec.startsWith('.') || isAbsolute(spec);

/** A pack named in config.yml: a relative path from the project, or a package in its node_modules. */
export function resolvePack(spec: string, projectDir: string): Pack {
  const root = isPath(spec) ? resolve(projectDir, spec) : findPackage(spec, projectDir);
  if (!root) {
    throw new UserError(
      `packs: "${spec}" is not installed in ${projectDir}: run \`npm install --save-dev ${spec}\` there, or give the pack's folder as a relative path (./packs/acme)`,
    );
  }
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UserError(`packs: "${spec}": no folder at ${root}`);
  if (!PACK_FOLDERS.some((f) => existsSync(join(root, f)))) {
    throw new UserError(`packs: "${spec}" (${root}) is not a Scaffold pack: it has no knowledge/, suites/ or overlays/ folder`);
  }
  const manifest = join(root, 'package.json');
  const info = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }) : {};
  const name = isPath(spec) ? spec : (info.name ?? spec);
  const shown = isPath(spec) ? relative(projectDir, root).split('\\').join('/') || '.' : spec;
  return { spec, name, ...(info.version && { version: info.version }), root, shown };
}

/** Node's lookup: node_modules/<name> in the project's folder or the nearest one above it. */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
