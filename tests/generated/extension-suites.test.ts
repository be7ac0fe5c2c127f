/**
 * The browser-extension starter suites pass as generated: `scaffold init` a project for a matrix
 * of answers and run its own vitest (issue 7: at least 15 passing tests under deep, 6 under mvp,
 * none failing). The deep cases use every value of every answer at least once (each UI surface
 * both chosen and not); the mvp cases include the smallest project the type can have. Each case
 * also checks that the files its answers select, and only those, were rendered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Case, generateAndRun } from '../helpers/ts-suite-case.js';

const EXTENSION: Case[] = [
  {
    label: 'deep: MV3, every surface, content script, background',
    methodology: 'deep',
    flags: { extManifest: '3', extUiSurfaces: 'popup,options,newtab,devtools,sidepanel', extContentScript: true, extBackgroundWorker: true },
    paths: { 'src/background.ts': true, 'src/content.ts': true, 'src/popup/state.ts': true, 'src/options/form.ts': true, 'tests/manifest/least-privilege.test.ts': true },
    typecheck: true,
  },
  {
    label: 'deep: MV2, popup + options + sidepanel, content script, no background',
    methodology: 'deep',
    flags: { extManifest: '2', extUiSurfaces: 'popup,options,sidepanel', extContentScript: true, extBackgroundWorker: false },
    paths: { 'src/background.ts': false, 'src/messages.ts': false, 'src/content.ts': true, 'tests/fakes/dom.ts': true, 'tests/unit/popup-state.test.ts': true },
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
    paths: { 'tests/manifest': false, 'src/background.ts': true, 'src/content.ts': true },
  },
];

describe('generated browser-extension suites', () => {
  it.each(EXTENSION)('$label: the generated suite passes', async (c) => {
    const dir = await generateAndRun('browser-extension', c);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifest_version: number };
    expect(manifest.manifest_version).toBe(Number(c.flags.extManifest));
  }, 300_000);
});
