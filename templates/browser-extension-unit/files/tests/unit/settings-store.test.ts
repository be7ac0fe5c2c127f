/**
 * Settings storage: defaults, validation, versioned migrations and a full storage area, tested
 * against the in-repo fake of chrome.storage (tests/fakes/chrome.ts).
 * Pattern: store a shape an older (or newer) release wrote, then assert what today's code reads
 * and writes back. Replace the settings with yours and keep one test per stored version you ship.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, InvalidSettingsError, SETTINGS_VERSION, type Settings } from '../../src/settings/settings';
import { createSettingsStore, SETTINGS_KEY, StorageQuotaError } from '../../src/settings/settings-store';
import { createFakeChrome } from '../fakes/chrome';

function setup(options: { quotaBytes?: number } = {}) {
  const chrome = createFakeChrome(options);
  return { chrome, store: createSettingsStore(chrome.storage) };
}

describe('settings store', () => {
  it('returns the defaults when nothing is stored', async () => {
    const { store } = setup();
    await expect(store.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('persists an update so that another context loading later sees it', async () => {
    const { chrome, store } = setup();
    await store.update({ theme: 'dark', ignoredSites: ['news.example.org'] });

    const otherContext = createSettingsStore(chrome.storage);
    await expect(otherContext.load()).resolves.toEqual({ enabled: true, theme: 'dark', ignoredSites: ['news.example.org'] });
    expect((await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ version: SETTINGS_VERSION });
  });

  it('fills in the default of a setting added after the data was stored', async () => {
    const { chrome, store } = setup();
    await chrome.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, values: { enabled: false } } });

    await expect(store.load()).resolves.toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });

  it('migrates version 1 data and writes it back in the current shape', async () => {
    const { chrome, store } = setup();
    const version1 = { enabled: false, darkMode: true, ignoredSites: 'Mail.example.com, intranet.example.org' };
    await chrome.storage.local.set({ [SETTINGS_KEY]: { version: 1, values: version1 } });

    const expected: Settings = { enabled: false, theme: 'dark', ignoredSites: ['mail.example.com', 'intranet.example.org'] };
    await expect(store.load()).resolves.toEqual(expected);
    expect((await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ version: SETTINGS_VERSION, values: expected });
  });

  it('reads data written by a newer release without rewriting it', async () => {
    const { chrome, store } = setup();
    const newer = { version: SETTINGS_VERSION + 1, values: { enabled: false, theme: 'light', fontScale: 1.25 } };
    await chrome.storage.local.set({ [SETTINGS_KEY]: newer });

    await expect(store.load()).resolves.toEqual({ ...DEFAULT_SETTINGS, enabled: false, theme: 'light' });
    expect((await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(newer);
  });

  it('replaces a damaged stored value with its default instead of failing', async () => {
    const { chrome, store } = setup();
    await chrome.storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, values: { enabled: 'yes', theme: 'dark' } } });

    await expect(store.load()).resolves.toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('rejects an invalid update, naming the setting, and stores nothing', async () => {
    const { chrome, store } = setup();
    const update = store.update({ theme: 'blue' as Settings['theme'] });

    await expect(update).rejects.toBeInstanceOf(InvalidSettingsError);
    await expect(update).rejects.toThrow('settings.theme: expected system, light, dark, got "blue"');
    expect(chrome.storage.local.bytesInUse()).toBe(0);
  });

  it('turns a full storage area into StorageQuotaError and keeps the previous settings', async () => {
    const { store } = setup({ quotaBytes: 512 });
    await store.update({ ignoredSites: ['a.example.org'] });
    const tooMany = Array.from({ length: 100 }, (_, i) => `site-${i}.example.org`);

    await expect(store.update({ ignoredSites: tooMany })).rejects.toBeInstanceOf(StorageQuotaError);
    await expect(store.load()).resolves.toMatchObject({ ignoredSites: ['a.example.org'] });
  });

  it('tells subscribers when another context changes the settings, until they unsubscribe', async () => {
    const { chrome, store } = setup();
    const seen: Settings[] = [];
    const unsubscribe = store.subscribe((settings) => seen.push(settings));

    await createSettingsStore(chrome.storage).update({ enabled: false });
    unsubscribe();
    await createSettingsStore(chrome.storage).update({ enabled: true });

    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, enabled: false }]);
  });

  it('ignores changes to the same key in another storage area', async () => {
    const { chrome, store } = setup();
    const seen: Settings[] = [];
    store.subscribe((settings) => seen.push(settings));

    const elsewhere = { version: SETTINGS_VERSION, values: { ...DEFAULT_SETTINGS, enabled: false } };
    await chrome.storage.onChanged.dispatch({ [SETTINGS_KEY]: { newValue: elsewhere } }, 'sync');

    expect(seen).toEqual([]);
  });

  it("recognises Firefox's quota error as well as Chrome's", async () => {
    const { chrome } = setup();
    const { local } = chrome.storage;
    const firefoxFull = {
      get: (keys?: string) => local.get(keys),
      remove: (keys: string) => local.remove(keys),
      set: () => Promise.reject(new Error('QuotaExceededError: storage.local quota exceeded')),
    };
    const full = { local: firefoxFull, onChanged: chrome.storage.onChanged };

    await expect(createSettingsStore(full).update({ enabled: false })).rejects.toBeInstanceOf(StorageQuotaError);
  });

  it('goes back to the defaults after a reset', async () => {
    const { store } = setup();
    await store.update({ enabled: false, theme: 'light' });
    await store.reset();

    await expect(store.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });
});
