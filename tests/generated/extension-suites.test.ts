/**
 * The browser-extension starter suites pass as generated: `scaffold init` a project for a matrix
 * of answers and run its own vitest (issue 7: at least 15 passing tests under deep, 6 under mvp,
 * none failing). The deep cases use every value of every answer at least once (each UI surface
 * both chosen and not); the mvp cases include the smallest project the type can have. Each case
 * also checks that the files its answers select, and only those, were rendered. Every generated
 * suite builds the extension (tests/build.test.ts); for the cases marked `ships`, this test reads
 * that build itself: every file the built manifest names and every script its pages load exist in
 * dist/, and git would stage neither dist/ nor node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFiles, pageScripts, untrackedPaths } from '../helpers/ship-checks.js';
import { type Case, generateAndRun } from '../helpers/ts-suite-case.js';

/** The pages each case must have built into dist/, besides the manifest's scripts. */
type ExtensionCase = Case & { ships?: string[] };

const EXTENSION: ExtensionCase[] = [
  {
    label: 'deep: MV3, every surface, content script, background',
    methodology: 'deep',
    flags: { extManifest: '3', extUiSurfaces: 'popup,options,newtab,devtools,sidepanel', extContentScript: true, extBackgroundWorker: true },
    paths: { 'src/background.ts': true, 'src/content.ts': true, 'src/popup/state.ts': true, 'src/options/form.ts': true, 'tests/manifest/least-privilege.test.ts': true, 'scripts/build.mjs': true },
    typecheck: true,
    ships: ['popup.html', 'options.html', 'newtab.html', 'devtools.html', 'devtools-panel.html', 'sidepanel.html', 'background.js', 'content.js'],
  },
  {
    label: 'deep: MV2, popup + options + sidepanel, content script, no background',
    methodology: 'deep',
    flags: { extManifest: '2', extUiSurfaces: 'popup,options,sidepanel', extContentScript: true, extBackgroundWorker: false },
    paths: { 'src/background.ts': false, 'src/messages.ts': false, 'src/content.ts': true, 'tests/fakes/dom.ts': true, 'tests/unit/popup-state.test.ts': true, 'src/newtab.html': false },
    typecheck: true,
    ships: ['popup.html', 'options.html', 'sidepanel.html', 'content.js'],
  },
  {
    label: 'deep: MV2, devtools only, nothing else',
    methodology: 'deep',
    flags: { extManifest: '2', extUiSurfaces: 'devtools', extContentScript: false, extBackgroundWorker: false },
    paths: { 'src/background.ts': false, 'src/content.ts': false, 'src/popup/state.ts': false, 'tests/unit/settings-store.test.ts': true, 'tests/manifest/packaging.test.ts': true },
  },
  {
    label: 'deep: MV3, no UI surface, background only',
    methodology: 'deep',
    flags: { extManifest: '3', extUiSurfaces: '', extContentScript: false, extBackgroundWorker: true },
    paths: { 'src/background.ts': true, 'src/content.ts': false, 'src/options/form.ts': false, 'tests/unit/background.test.ts': true },
  },
  {
    label: 'mvp: MV3, new tab page only',
    methodology: 'mvp',
    flags: { extManifest: '3', extUiSurfaces: 'newtab', extContentScript: false, extBackgroundWorker: false },
    paths: { 'tests/unit/manifest.test.ts': true, 'tests/manifest': false, 'src/background.ts': false },
  },
  {
    label: 'mvp: MV2, every surface, content script, background',
    methodology: 'mvp',
    flags: { extManifest: '2', extUiSurfaces: 'popup,options,newtab,devtools,sidepanel', extContentScript: true, extBackgroundWorker: true },
    paths: { 'tests/manifest': false, 'src/background.ts': true, 'src/content.ts': true, 'src/devtools-panel.html': true },
    ships: ['popup.html', 'options.html', 'newtab.html', 'devtools.html', 'devtools-panel.html', 'sidepanel.html', 'background.js', 'content.js'],
  },
];

describe('generated browser-extension suites', () => {
  it.each(EXTENSION)('$label: the generated suite passes', async (c) => {
    const dir = await generateAndRun('browser-extension', c);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifest_version: number };
    expect(manifest.manifest_version).toBe(Number(c.flags.extManifest));
    if (c.ships) expectLoadable(dir, c.ships);
  }, 300_000);
});

/** The folder a person loads unpacked: everything the manifest and its pages name is there; git stages no build output. */
function expectLoadable(dir: string, expected: string[]): void {
  const dist = join(dir, 'dist');
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const named = manifestFiles(manifest);
  const pages = [...named, 'devtools-panel.html'].filter((file) => file.endsWith('.html') && existsSync(join(dist, file)));
  const loaded = pages.flatMap((page) => pageScripts(readFileSync(join(dist, page), 'utf8')));
  expect([...named, ...pages, ...loaded].filter((file) => !existsSync(join(dist, file)))).toEqual([]);
  expect(expected.filter((file) => !existsSync(join(dist, file)))).toEqual([]);
  expect(pages.every((page) => pageScripts(readFileSync(join(dist, page), 'utf8')).length > 0)).toBe(true);

  const staged = untrackedPaths(dir);
  expect(staged).toContain('manifest.json');
  expect(staged.filter((path) => /^(node_modules|dist)(\/|$)/.test(path))).toEqual([]);
}
