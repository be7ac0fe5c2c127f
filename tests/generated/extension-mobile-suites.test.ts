/**
 * The browser-extension and mobile-app starter suites pass as generated: `scaffold init` a
 * project for a matrix of answers, run its own vitest in the generated folder and read the
 * summary (issue 7: at least 15 passing tests under deep, 6 under mvp, none failing). The deep
 * cases use every value of every answer at least once (each UI surface both chosen and not);
 * the mvp cases include the smallest project each type can have. Each case also checks that the
 * files its answers select, and only those, were rendered. The generated projects reuse this
 * repository's node_modules (vitest 4, typescript, @types/node), so the test is offline.
 * The Swift and Kotlin starter files of ios and android projects are only checked for presence:
 * nothing here can build them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../helpers/generate.js';
import { linkNodeModules, runTsc, runVitest } from '../helpers/suite-runners.js';

const BARS = { deep: 15, mvp: 6 } as const;

interface Case {
  label: string;
  methodology: keyof typeof BARS;
  flags: Record<string, unknown>;
  /** Paths that must (true) or must not (false) be generated. */
  paths: Record<string, boolean>;
  /** Also type-check the generated project with its own tsconfig (a few seconds: only the cases with the most source files). */
  typecheck?: boolean;
}

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

const MOBILE: Case[] = [
  {
    label: 'deep: ios, public, offline-first, push',
    methodology: 'deep',
    flags: { mobilePlatform: 'ios', mobileDistribution: 'public', mobileOffline: 'offline-first', mobilePushNotifications: true },
    paths: {
      'src/sync/outbox.ts': true,
      'src/cache/swr-cache.ts': false,
      'src/push/push-payload.ts': true,
      'tests/property/sync.test.ts': true,
      'ios/AppCore/Package.swift': true,
      'ios/AppCore/Tests/AppCoreTests/OutboxTests.swift': true,
      'android/core': false,
    },
    typecheck: true,
  },
  {
    label: 'deep: android, private, cache, no push',
    methodology: 'deep',
    flags: { mobilePlatform: 'android', mobileDistribution: 'private', mobileOffline: 'cache', mobilePushNotifications: false },
    paths: {
      'src/cache/swr-cache.ts': true,
      'src/sync/outbox.ts': false,
      'src/push/push-payload.ts': false,
      'android/core/build.gradle.kts': true,
      'android/core/src/test/kotlin/app/core/SwrCacheTest.kt': true,
      'ios/AppCore': false,
    },
    typecheck: true,
  },
  {
    label: 'deep: cross-platform, mixed, online only, push',
    methodology: 'deep',
    flags: { mobilePlatform: 'cross-platform', mobileDistribution: 'mixed', mobileOffline: 'none', mobilePushNotifications: true },
    paths: { 'src/sync': false, 'src/cache': false, 'src/push/push-payload.ts': true, 'ios/AppCore': false, 'android/core': false },
  },
  {
    label: 'mvp: ios, private, online only, no push',
    methodology: 'mvp',
    flags: { mobilePlatform: 'ios', mobileDistribution: 'private', mobileOffline: 'none', mobilePushNotifications: false },
    paths: { 'tests/property': false, 'ios/AppCore/Package.swift': true, 'src/push': false },
  },
  {
    label: 'mvp: cross-platform, mixed, offline-first, push',
    methodology: 'mvp',
    flags: { mobilePlatform: 'cross-platform', mobileDistribution: 'mixed', mobileOffline: 'offline-first', mobilePushNotifications: true },
    paths: { 'tests/property': false, 'src/sync/outbox.ts': true, 'src/push/push-payload.ts': true },
  },
];

async function generateAndRun(type: string, { methodology, flags, paths, typecheck }: Case): Promise<string> {
  const dir = await generateProject({ type, methodology, ...flags });
  for (const [path, present] of Object.entries(paths)) expect(existsSync(join(dir, path)), path).toBe(present);

  linkNodeModules(dir);
  const { code, output, passed, failed } = runVitest(dir);
  expect(failed, output).toBe(0);
  expect(code, output).toBe(0);
  expect(passed, output).toBeGreaterThanOrEqual(BARS[methodology]);

  if (typecheck) {
    const tsc = runTsc(dir);
    expect(tsc.code, tsc.output).toBe(0);
  }
  return dir;
}

describe('generated browser-extension suites', () => {
  it.each(EXTENSION)('$label: the generated suite passes', async (c) => {
    const dir = await generateAndRun('browser-extension', c);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifest_version: number };
    expect(manifest.manifest_version).toBe(Number(c.flags.extManifest));
  }, 300_000);
});

describe('generated mobile-app suites', () => {
  it.each(MOBILE)('$label: the generated suite passes', async (c) => {
    await generateAndRun('mobile-app', c);
  }, 300_000);
});
