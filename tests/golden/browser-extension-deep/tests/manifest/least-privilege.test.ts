/**
 * Least privilege: every permission in manifest.json has a written reason and is used, and
 * nothing asks for broad or warning-heavy access. Store reviewers check this, and an update that
 * adds a permission warning disables the extension until each user accepts it.
 * Pattern: a permission budget kept next to the manifest. To request a new permission, add a
 * row to BUDGET with the reason and the evidence that the code needs it; prefer activeTab and
 * optional_permissions, which ask at the moment of use.
 */
import { describe, expect, it } from 'vitest';
import { apiPermissions, hostPatterns, isBroad, manifest, sourceUses } from './manifest';

interface Entry {
  reason: string;
  /** True when the code or the manifest actually needs the permission. */
  used: () => boolean;
}

const BUDGET: Record<string, Entry> = {
  storage: { reason: 'settings are kept in storage.local (src/settings)', used: () => sourceUses('storage.local') },
  alarms: { reason: 'the background ends a pause with an alarm', used: () => sourceUses('alarms.create') },
};

/** Permissions whose install warning reads as access to browsing data, or that control the browser. */
const WARNING_HEAVY = [
  'tabs', 'history', 'cookies', 'bookmarks', 'downloads', 'topSites', 'webNavigation', 'webRequest',
  'webRequestBlocking', 'debugger', 'management', 'nativeMessaging', 'privacy', 'proxy', 'geolocation',
  'clipboardRead', 'declarativeNetRequestWithHostAccess', 'scripting',
];

describe('least privilege', () => {
  it('requests only permissions that have a reason in the budget', () => {
    const unexplained = apiPermissions().filter((permission) => !Object.hasOwn(BUDGET, permission));
    expect(unexplained, 'add each to BUDGET with its reason, or remove it').toEqual([]);
  });

  it('uses every permission it requests', () => {
    const unused = apiPermissions().filter((permission) => BUDGET[permission]?.used() === false);
    expect(unused, 'remove permissions the code no longer needs').toEqual([]);
  });

  it('requests no warning-heavy permission at install time', () => {
    const heavy = apiPermissions().filter((permission) => WARNING_HEAVY.includes(permission));
    expect(heavy, 'ask for these at the moment of use with optional_permissions, or use activeTab').toEqual([]);
  });

  it('asks for specific sites, never all of them', () => {
    const broad = hostPatterns().filter(isBroad);
    expect(broad, 'list the sites the extension works on').toEqual([]);
  });
});
