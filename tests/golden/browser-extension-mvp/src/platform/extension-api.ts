/**
 * The slice of the WebExtension API this extension uses. Typing only this slice keeps the code
 * free of @types/chrome and lets tests pass the in-repo fake (tests/fakes/chrome.ts), which has
 * the same shape. When you start using another API, add it here and to the fake together.
 */

export interface ExtensionEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/** What `get` accepts: one key, several keys, keys with fallback values, or null for everything. */
export type StorageKeys = string | string[] | Record<string, unknown> | null;

export interface StorageArea {
  get(keys?: StorageKeys): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type StorageChangeListener = (changes: Record<string, StorageChange>, areaName: string) => void;

export interface MessageSender {
  /** The extension the sender belongs to. */
  id?: string;
  /** Present only when a content script sent the message: the tab it runs in. */
  tab?: { id?: number; url?: string };
  /** The page or frame that sent the message. */
  url?: string;
}

/** Return true to reply asynchronously: the channel stays open until `sendResponse` is called. */
export type MessageListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (response?: unknown) => void,
) => boolean | undefined;

export interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

export interface Alarm {
  name: string;
  /** When the alarm fires, in milliseconds since the epoch. */
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface AlarmCreateInfo {
  when?: number;
  delayInMinutes?: number;
  periodInMinutes?: number;
}

export interface ExtensionApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: ExtensionEvent<MessageListener>;
    onInstalled: ExtensionEvent<(details: InstalledDetails) => void>;
  };
  storage: {
    local: StorageArea;
    onChanged: ExtensionEvent<StorageChangeListener>;
  };
  alarms: {
    // Chrome returns a promise; Firefox returns nothing. Awaiting either is fine.
    create(name: string, info: AlarmCreateInfo): Promise<void> | void;
    get(name: string): Promise<Alarm | undefined>;
    clear(name: string): Promise<boolean>;
    onAlarm: ExtensionEvent<(alarm: Alarm) => void>;
  };
}

/**
 * The API of the running browser. Firefox and Safari provide promise-based `browser.*`; Chrome
 * provides `chrome.*`, which returns promises under Manifest V3. One namespace for all code.
 */
export function extensionApi(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime?.id) throw new Error('extension APIs are unavailable: this code must run inside the extension');
  return api;
}
