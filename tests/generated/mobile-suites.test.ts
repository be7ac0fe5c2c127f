/**
 * The mobile-app starter suites pass as generated: `scaffold init` a project for a matrix of
 * answers and run its own vitest (issue 7: at least 15 passing tests under deep, 6 under mvp,
 * none failing). The deep cases use every value of every answer at least once. The Swift and
 * Kotlin starter files of ios and android projects are only checked for presence: nothing here
 * can build them.
 */
import { describe, it } from 'vitest';
import { type Case, generateAndRun } from '../helpers/ts-suite-case.js';

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
      '.gitignore': true,
      '.github/workflows/test.yml': true,
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
      'android/settings.gradle.kts': true,
      'android/build.gradle.kts': true,
      'ios/AppCore': false,
    },
    typecheck: true,
  },
  {
    label: 'deep: cross-platform, mixed, online only, push',
    methodology: 'deep',
    flags: { mobilePlatform: 'cross-platform', mobileDistribution: 'mixed', mobileOffline: 'none', mobilePushNotifications: true },
    paths: { 'src/sync': false, 'src/cache': false, 'src/push/push-payload.ts': true, 'ios/AppCore': false, 'android/core': false, 'android/settings.gradle.kts': false },
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

describe('generated mobile-app suites', () => {
  it.each(MOBILE)('$label: the generated suite passes', async (c) => {
    await generateAndRun('mobile-app', c);
  }, 300_000);
});
