/**
 * `npm run build`: the unpacked extension in dist/, ready for "Load unpacked" in Chrome or Edge
 * (chrome://extensions, developer mode) or "Load Temporary Add-on" in Firefox (about:debugging).
 * manifest.json decides what is built, so adding a page or a script there is all it takes:
 * - each script it names, X.js, is bundled from src/X.ts;
 * - each page it names, X.html, is copied from src/X.html, as is every other page in src/
 *   (pages that code opens, such as the DevTools panel), and each script a page loads is bundled
 *   from src/ the same way;
 * - everything in public/ (icons, images, _locales) is copied as it is.
 * Every script is a self-contained IIFE: content scripts and Manifest V2 background scripts
 * cannot be ES modules, and one format for all keeps the output simple to check.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, 'dist');

/** Every path manifest.json names: scripts, pages, styles and icons. */
function manifestFiles(manifest) {
  const { background = {}, content_scripts: contentScripts = [] } = manifest;
  const iconsOf = (icons) => (typeof icons === 'string' ? [icons] : Object.values(icons ?? {}));
  return [
    background.service_worker,
    ...(background.scripts ?? []),
    background.page,
    ...contentScripts.flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    manifest.action?.default_popup,
    manifest.browser_action?.default_popup,
    manifest.options_ui?.page,
    manifest.options_page,
    manifest.side_panel?.default_path,
    manifest.sidebar_action?.default_panel,
    manifest.chrome_url_overrides?.newtab,
    manifest.devtools_page,
    ...iconsOf(manifest.icons),
    ...iconsOf(manifest.action?.default_icon),
    ...iconsOf(manifest.browser_action?.default_icon),
  ].filter((file) => typeof file === 'string');
}

/** The scripts a page loads with <script src="...">, relative to the page. */
function pageScripts(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
}

function entryFor(script) {
  const source = join(SRC, script.replace(/\.js$/, '.ts'));
  if (!existsSync(source)) throw new Error(`${script} is named in manifest.json or a page, but there is no ${source} to build it from`);
  return source;
}

async function buildExtension() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  const named = manifestFiles(manifest);
  const pages = new Set([...named.filter((file) => file.endsWith('.html')), ...readdirSync(SRC).filter((file) => file.endsWith('.html'))]);
  const scripts = new Set(named.filter((file) => file.endsWith('.js')));
  for (const page of pages) {
    const path = join(SRC, page);
    if (!existsSync(path)) throw new Error(`manifest.json names ${page}, but src/${page} does not exist`);
    for (const script of pageScripts(readFileSync(path, 'utf8'))) scripts.add(script);
  }

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  if (existsSync(join(ROOT, 'public'))) cpSync(join(ROOT, 'public'), OUT, { recursive: true });
  for (const page of pages) cpSync(join(SRC, page), join(OUT, page));
  cpSync(join(ROOT, 'manifest.json'), join(OUT, 'manifest.json'));
  await build({
    entryPoints: Object.fromEntries([...scripts].map((script) => [script.replace(/\.js$/, ''), entryFor(script)])),
    outdir: OUT,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return { pages: [...pages], scripts: [...scripts] };
}

const { pages, scripts } = await buildExtension();
console.log(`built dist/: manifest.json, ${pages.length} pages, ${scripts.length} scripts`);
