/**
 * Pattern: test the folder you load into the browser, not only the sources. This file runs
 * `npm run build` once, then checks dist/ the way a browser reads it: the manifest is there, every
 * file it names exists, every script and stylesheet its pages load exists, and every script is
 * self-contained (a browser loads content scripts and Manifest V2 background scripts as classic
 * scripts, which cannot import anything). A file missing here is an extension that fails to load.
 * Replace: nothing when you add a page or script: every check reads the built manifest and pages.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';

type Json = Record<string, unknown>;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

const strings = (...values: unknown[]): string[] => values.flat().filter((value): value is string => typeof value === 'string');
const at = (object: unknown, key: string): unknown => (object as Json | undefined)?.[key];
const iconFiles = (icons: unknown): string[] => (typeof icons === 'string' ? [icons] : strings(...Object.values((icons ?? {}) as Json)));

/** Every file a manifest names, by where Manifest V2 and V3 put them. */
function namedFiles(manifest: Json): string[] {
  const background = (manifest.background ?? {}) as Json;
  const contentScripts = (manifest.content_scripts ?? []) as Json[];
  return strings(
    background.service_worker,
    background.scripts,
    background.page,
    contentScripts.flatMap((script) => strings(script.js, script.css)),
    at(manifest.action, 'default_popup'),
    at(manifest.browser_action, 'default_popup'),
    at(manifest.options_ui, 'page'),
    manifest.options_page,
    at(manifest.side_panel, 'default_path'),
    at(manifest.sidebar_action, 'default_panel'),
    at(manifest.chrome_url_overrides, 'newtab'),
    manifest.devtools_page,
    iconFiles(manifest.icons),
    iconFiles(at(manifest.action, 'default_icon')),
    iconFiles(at(manifest.browser_action, 'default_icon')),
  );
}

/** The local files a page loads: scripts, stylesheets and images, relative to the extension root. */
function pageFiles(page: string, html: string): string[] {
  const references = [...html.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
  return references.filter((ref) => !/^[a-z][a-z0-9+.-]*:/i.test(ref)).map((ref) => posix.join(posix.dirname(page), ref));
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

let manifest: Json;
let built: string[];

beforeAll(() => {
  try {
    execSync('npm run build', { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
  manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Json;
  built = filesUnder(DIST);
}, 120_000);

describe('the built extension (dist/)', () => {
  it('carries manifest.json as written', () => {
    expect(manifest).toEqual(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')));
  });

  it('has every file the manifest names', () => {
    const named = namedFiles(manifest);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !built.includes(file))).toEqual([]);
  });

  it('has every file its pages load', () => {
    const pages = built.filter((file) => file.endsWith('.html'));
    const missing = pages.flatMap((page) =>
      pageFiles(page, readFileSync(join(DIST, page), 'utf8'))
        .filter((file) => !built.includes(file))
        .map((file) => `${page} loads ${file}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every page it names a script to run', () => {
    const pages = namedFiles(manifest).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      const scripts = pageFiles(page, readFileSync(join(DIST, page), 'utf8')).filter((file) => file.endsWith('.js'));
      expect(scripts.length, `${page} loads no script`).toBeGreaterThan(0);
    }
  });

  it('makes every script self-contained: each one compiles as a classic script, with nothing left to import', () => {
    const scripts = built.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const broken = scripts.flatMap((file) => {
      try {
        new Script(readFileSync(join(DIST, file), 'utf8'), { filename: file });
        return [];
      } catch (error) {
        return [`${file}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it('ships no TypeScript and nothing from tests/', () => {
    expect(built.filter((file) => /\.tsx?$/.test(file) || dirname(file).startsWith('tests'))).toEqual([]);
  });

  it('never reaches outside the folder: every named path is relative and inside dist/', () => {
    const outside = namedFiles(manifest).filter((file) => file.startsWith('/') || posix.normalize(file).startsWith('..'));
    expect(outside).toEqual([]);
  });
});
