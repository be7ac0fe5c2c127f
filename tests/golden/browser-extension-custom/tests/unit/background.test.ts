/**
 * The background's message router and alarms, run against the in-repo fake of chrome.runtime,
 * chrome.storage and chrome.alarms (tests/fakes/chrome.ts), with a fake clock.
 * Pattern: register the real listeners on the fake, send messages the way pages and content
 * scripts do, and assert replies and stored state; move the clock instead of waiting. Replace
 * the messages with your protocol and keep a test for unknown, malformed and privileged messages.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAUSE_MINUTES, RESUME_ALARM, registerBackground } from '../../src/background/index';
import { send } from '../../src/messages';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { createSettingsStore, SETTINGS_KEY } from '../../src/settings/settings-store';
import { createFakeChrome, type FakeChrome } from '../fakes/chrome';

let chrome: FakeChrome;

beforeEach(() => {
  chrome = createFakeChrome();
  registerBackground(chrome, chrome.now);
});

const fromContentScript = () => ({ id: chrome.runtime.id, tab: { id: 7, url: 'https://example.com/page' } });
const storedSettings = () => createSettingsStore(chrome.storage).load();

describe('background message router', () => {
  it('answers settings/get with the stored settings', async () => {
    await expect(send(chrome.runtime, { type: 'settings/get' })).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('applies settings/update from an extension page and replies with the new settings', async () => {
    const reply = await send(chrome.runtime, { type: 'settings/update', patch: { theme: 'dark' } });

    expect(reply).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await expect(storedSettings()).resolves.toEqual(reply);
  });

  it('replies with the handler error when a handler fails', async () => {
    const reply = await chrome.runtime.sendMessage({ type: 'settings/update', patch: { volume: 11 } });

    expect(reply).toEqual({ ok: false, error: expect.stringContaining('settings.volume: unknown setting') });
  });

  it('replies with an error to an unknown type or a message without a type', async () => {
    await expect(chrome.runtime.sendMessage({ type: 'settings/delete' })).resolves.toEqual({
      ok: false,
      error: 'unknown message type "settings/delete"',
    });
    await expect(chrome.runtime.sendMessage('hello')).resolves.toEqual({ ok: false, error: expect.stringContaining('without a type') });
  });

  it('refuses privileged messages from content scripts but answers their reads', async () => {
    const update = await chrome.deliverMessage({ type: 'settings/update', patch: { enabled: false } }, fromContentScript());

    expect(update).toEqual({ ok: false, error: expect.stringContaining('not by a content script') });
    await expect(storedSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    await expect(chrome.deliverMessage({ type: 'settings/get' }, fromContentScript())).resolves.toEqual({ ok: true, data: DEFAULT_SETTINGS });
  });
});

describe('background pause and resume', () => {
  it('pauses, then the resume alarm turns the extension back on when it is due', async () => {
    const { resumeAt } = await send(chrome.runtime, { type: 'pause', minutes: 30 });

    expect(resumeAt).toBe(chrome.now() + 30 * 60_000);
    await expect(chrome.alarms.get(RESUME_ALARM)).resolves.toMatchObject({ scheduledTime: resumeAt });
    await chrome.advanceTime(29 * 60_000);
    await expect(storedSettings()).resolves.toMatchObject({ enabled: false });
    await chrome.advanceTime(60_000);
    await expect(storedSettings()).resolves.toMatchObject({ enabled: true });
  });

  it('resumes early on request and cancels the alarm', async () => {
    await send(chrome.runtime, { type: 'pause', minutes: 10 });
    await expect(send(chrome.runtime, { type: 'resume' })).resolves.toMatchObject({ enabled: true });

    await expect(chrome.alarms.get(RESUME_ALARM)).resolves.toBeUndefined();
  });

  it.each([0, -5, 2.5, MAX_PAUSE_MINUTES + 1])('rejects a pause of %s minutes and changes nothing', async (minutes) => {
    await expect(send(chrome.runtime, { type: 'pause', minutes })).rejects.toThrow(`whole number from 1 to ${MAX_PAUSE_MINUTES}`);
    await expect(storedSettings()).resolves.toMatchObject({ enabled: true });
    await expect(chrome.alarms.get(RESUME_ALARM)).resolves.toBeUndefined();
  });
});

describe('background install and update', () => {
  it('migrates settings stored by an older release when the extension updates', async () => {
    await chrome.storage.local.set({ [SETTINGS_KEY]: { version: 1, values: { enabled: true, darkMode: true } } });
    await chrome.install({ reason: 'update', previousVersion: '0.0.9' });

    const stored = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toMatchObject({ values: { theme: 'dark' } });
    expect(stored).not.toHaveProperty('values.darkMode');
  });
});
