/**
 * Settings kept in extension storage under one versioned key. Every context (background, popup,
 * options, content scripts) reads them through this store, and storage.onChanged tells each of
 * them when another one changed something: storage is the shared state, not a context's memory.
 */
import type { ExtensionApi, StorageChangeListener } from '../platform/extension-api';
import { checkPatch, DEFAULT_SETTINGS, migrate, repair, SETTINGS_VERSION, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

/** Storage refused the write because the area is full (storage.local 10 MB, storage.sync 8 KB per item). */
export class StorageQuotaError extends Error {
  constructor(cause: Error) {
    super(`settings were not saved: ${cause.message}. Remove some ignored sites and try again.`, { cause });
    this.name = 'StorageQuotaError';
  }
}

export interface SettingsStore {
  load(): Promise<Settings>;
  /** Validate and store a change; resolves with the settings now stored. */
  update(patch: Partial<Settings>): Promise<Settings>;
  reset(): Promise<void>;
  /** Call `listener` whenever the stored settings change, in any context. Returns an unsubscribe function. */
  subscribe(listener: (settings: Settings) => void): () => void;
}

interface Stored {
  version: number;
  values: Record<string, unknown>;
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const { version, values } = value as Partial<Stored>;
  return Number.isInteger(version) && typeof values === 'object' && values !== null;
}

/** Settings from what is stored, whichever release stored it. */
function decode(stored: unknown): { settings: Settings; outdated: boolean } {
  if (!isStored(stored)) return { settings: DEFAULT_SETTINGS, outdated: false };
  // A newer release wrote this (the person downgraded): read the keys this release knows, write nothing.
  if (stored.version >= SETTINGS_VERSION) return { settings: repair(stored.values), outdated: false };
  return { settings: repair(migrate(stored.version, stored.values)), outdated: true };
}

function isQuotaError(error: unknown): error is Error {
  // Chrome: "QUOTA_BYTES quota exceeded" or "QUOTA_BYTES_PER_ITEM quota exceeded"; Firefox: "QuotaExceededError: ...".
  return error instanceof Error && /quota/i.test(error.message);
}

export function createSettingsStore(storage: ExtensionApi['storage']): SettingsStore {
  async function write(settings: Settings): Promise<void> {
    try {
      await storage.local.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, values: settings } });
    } catch (error) {
      throw isQuotaError(error) ? new StorageQuotaError(error) : error;
    }
  }

  async function load(): Promise<Settings> {
    const { [SETTINGS_KEY]: stored } = await storage.local.get(SETTINGS_KEY);
    const { settings, outdated } = decode(stored);
    // Write the migrated shape back once, so older shapes do not linger in storage.
    if (outdated) await write(settings);
    return settings;
  }

  return {
    load,
    async update(patch) {
      const next = { ...(await load()), ...checkPatch(patch) };
      await write(next);
      return next;
    },
    async reset() {
      await storage.local.remove(SETTINGS_KEY);
    },
    subscribe(listener) {
      const onChanged: StorageChangeListener = (changes, areaName) => {
        const change = changes[SETTINGS_KEY];
        if (areaName === 'local' && change) listener(decode(change.newValue).settings);
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}
