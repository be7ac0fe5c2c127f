/**
 * The background's behaviour: message handlers and the resume alarm. The service worker is
 * stopped when idle and restarted for each event, so nothing lives in memory between events:
 * settings are in storage, and the end of a pause is an alarm, not a timer.
 */
import type { MessageType } from '../messages';
import type { ExtensionApi } from '../platform/extension-api';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { createRouter, type Handlers } from './router';

export const RESUME_ALARM = 'resume';
export const MAX_PAUSE_MINUTES = 24 * 60;
export const PRIVILEGED: ReadonlySet<MessageType> = new Set(['settings/update', 'pause', 'resume']);

export interface BackgroundDeps {
  api: ExtensionApi;
  store: SettingsStore;
  /** The clock, injected so tests control time. */
  now: () => number;
}

export function createHandlers({ api, store, now }: BackgroundDeps): Handlers {
  return {
    'settings/get': () => store.load(),
    'settings/update': ({ patch }) => store.update(patch),
    pause: async ({ minutes }) => {
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_PAUSE_MINUTES) {
        throw new Error(`pause: minutes must be a whole number from 1 to ${MAX_PAUSE_MINUTES}, got ${JSON.stringify(minutes)}`);
      }
      const resumeAt = now() + minutes * 60_000;
      await store.update({ enabled: false });
      await api.alarms.create(RESUME_ALARM, { when: resumeAt });
      return { resumeAt };
    },
    resume: async () => {
      await api.alarms.clear(RESUME_ALARM);
      return store.update({ enabled: true });
    },
  };
}

/**
 * Register every listener. Call it synchronously at the top level of the worker script: a
 * listener added after an `await` misses the event that woke the worker up.
 */
export function registerBackground(api: ExtensionApi, now: () => number = Date.now): void {
  const store = createSettingsStore(api.storage);
  api.runtime.onMessage.addListener(createRouter(createHandlers({ api, store, now }), { privileged: PRIVILEGED }));
  api.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === RESUME_ALARM) await store.update({ enabled: true });
  });
  // Loading migrates settings stored by an older release and writes them back in today's shape.
  api.runtime.onInstalled.addListener(async () => {
    await store.load();
  });
}
