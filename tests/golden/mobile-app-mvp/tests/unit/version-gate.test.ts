/**
 * The minimum-version gate: version comparison and the force / suggest / none decision.
 * Pattern: pin the decision table with explicit versions, and the failure modes that must never
 * block people (no policy, a broken policy). Replace the policy source with your remote config
 * and keep the "never blocks on a broken policy" test.
 */
import { describe, expect, it } from 'vitest';
import { compareVersions, decideUpdate, INSTALL_SOURCES, parseVersion, type UpdatePolicy } from '../../src/updates/version-gate';

const STORE_URL = 'https://apps.apple.com/app/id6450000001';
const MANAGED_URL = 'https://portal.example.com/apps/notes';
const policy: UpdatePolicy = { minimumVersion: '2.0.0', recommendedVersion: '2.3', storeUrl: STORE_URL, managedUrl: MANAGED_URL };
const URL_FOR_THIS_APP = STORE_URL;

describe('versions', () => {
  it('compares numerically, part by part, with missing parts as zero', () => {
    const v = (text: string) => parseVersion(text)!;

    expect(compareVersions(v('1.10.0'), v('1.9.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('2'), v('2.0.0'))).toBe(0);
    expect(compareVersions(v('v3.1'), v('3.1.1'))).toBeLessThan(0);
  });

  it('reads versions with surrounding whitespace, as remote config and build settings often deliver them', () => {
    expect(parseVersion(' 2.3.1 ')).toEqual([2, 3, 1]);
    expect(parseVersion('2.3\n')).toEqual([2, 3, 0]);
    expect(decideUpdate(' 1.9.9\t', { ...policy, minimumVersion: '  2.0.0  ' })).toEqual({ action: 'force', url: URL_FOR_THIS_APP });
  });

  it.each(['', '1..2', '1.2.3.4', '1.2-beta', 'latest', '-1.0'])('does not parse "%s"', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });
});

describe('decideUpdate', () => {
  it.each([
    ['1.9.9', 'force'],
    ['2.0.0', 'suggest'],
    ['2.2.9', 'suggest'],
    ['2.3.0', 'none'],
    ['3.0.0', 'none'],
  ])('version %s: %s', (current, action) => {
    expect(decideUpdate(current, policy)).toEqual(action === 'none' ? { action } : { action, url: URL_FOR_THIS_APP });
  });

  it('never blocks when the policy is missing, unreadable or has nowhere to update from', () => {
    expect(decideUpdate('1.0.0', undefined)).toEqual({ action: 'none' });
    expect(decideUpdate('1.0.0', { ...policy, minimumVersion: 'two' })).toEqual({ action: 'none' });
    expect(decideUpdate('1.0.0', { minimumVersion: '2.0.0' })).toEqual({ action: 'none' });
  });

  it("fails loudly when the app's own version is malformed, since that is a build bug", () => {
    expect(() => decideUpdate('dev', policy)).toThrow('the app version "dev" is not major.minor.patch');
  });

  it('updates from the store listing, the only channel of a public app', () => {
    expect(INSTALL_SOURCES).toEqual(['store']);
    expect(decideUpdate('1.0.0', { ...policy, storeUrl: undefined })).toEqual({ action: 'none' });
    expect(() => decideUpdate('1.0.0', policy, 'managed')).toThrow('install source managed is not used by this app');
  });
});
