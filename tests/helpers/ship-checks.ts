/**
 * What a person checks before shipping a generated project, read from the project itself: the
 * files a library's package.json points at and what `npm pack` would publish; the files an
 * extension's manifest names; what `git status` would stage. Written apart from the generated
 * tests, so a generated test that checks too little cannot make these pass.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const readJson = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8')) as Json;
const strings = (...values: unknown[]): string[] => values.flat(2).filter((v): v is string => typeof v === 'string');
const leaves = (target: unknown): string[] =>
  typeof target === 'string' ? [target] : Object.values((target ?? {}) as Json).flatMap(leaves);
const at = (object: unknown, key: string): unknown => (object as Json | undefined)?.[key];

/** Every file a library's package.json points at (exports, main, module, types), without "./". */
export function packageTargets(dir: string): string[] {
  const pkg = readJson(dir, 'package.json');
  const exported = Object.entries((pkg.exports ?? {}) as Json).filter(([subpath]) => subpath !== './package.json');
  const files = [...exported.flatMap(([, target]) => leaves(target)), ...strings(pkg.main, pkg.module, pkg.types)];
  return [...new Set(files.map((file) => file.replace(/^\.\//, '')))].sort();
}

/** The paths `npm pack --dry-run --json` lists: what `npm publish` would upload (prepack runs first). */
export function packedFiles(dir: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // Lifecycle scripts print before the JSON report.
  const [report] = JSON.parse(output.slice(output.indexOf('\n[') + 1)) as [{ files: { path: string }[] }];
  return report.files.map((file) => file.path).sort();
}

/** Every file an extension manifest (V2 or V3) names: scripts, pages, styles and icons. */
export function manifestFiles(manifest: Json): string[] {
  const background = (manifest.background ?? {}) as Json;
  const icons = (value: unknown) => (typeof value === 'string' ? [value] : strings(Object.values((value ?? {}) as Json)));
  return strings(
    background.service_worker,
    background.scripts,
    background.page,
    ((manifest.content_scripts ?? []) as Json[]).map((script) => strings(script.js, script.css)),
    at(manifest.action, 'default_popup'),
    at(manifest.browser_action, 'default_popup'),
    at(manifest.options_ui, 'page'),
    manifest.options_page,
    at(manifest.side_panel, 'default_path'),
    at(manifest.sidebar_action, 'default_panel'),
    at(manifest.chrome_url_overrides, 'newtab'),
    manifest.devtools_page,
    icons(manifest.icons),
    icons(at(manifest.action, 'default_icon')),
    icons(at(manifest.browser_action, 'default_icon')),
  );
}

/** The scripts an HTML page loads with <script src>. */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
}

/** `git status --porcelain` of a fresh repository in `dir`: every path `git add -A` would stage. */
export function untrackedPaths(dir: string): string[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '--quiet');
  return git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}
