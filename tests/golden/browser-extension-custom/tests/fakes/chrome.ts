/**
 * An in-memory fake of the chrome.* slice in src/platform/extension-api.ts, faithful where tests
 * depend on it: storage round-trips values through JSON and enforces a byte quota the way Chrome
 * does, onChanged reports only real changes, messages are JSON-serialized and a listener must
 * return true to reply asynchronously, and alarms fire only when the fake clock passes them.
 * Pattern: a hand-written fake over the narrow API you use, instead of mocking chrome.* call by
 * call. When you use another API, add it to ExtensionApi and here, with the behaviour you rely on.
 */
import type {
  Alarm,
  AlarmCreateInfo,
  ExtensionApi,
  ExtensionEvent,
  InstalledDetails,
  MessageListener,
  MessageSender,
  StorageArea,
  StorageChange,
  StorageChangeListener,
  StorageKeys,
} from '../../src/platform/extension-api';

/** chrome.storage.local.QUOTA_BYTES without the unlimitedStorage permission. */
export const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

export class FakeEvent<Listener extends (...args: never[]) => unknown> implements ExtensionEvent<Listener> {
  readonly listeners: Listener[] = [];

  addListener(listener: Listener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  removeListener(listener: Listener): void {
    const index = this.listeners.indexOf(listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }

  /** Call every listener and wait for the ones that return a promise (async listeners). */
  async dispatch(...args: Parameters<Listener>): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener(...args)));
  }
}

/** What crossing a context boundary does to a value: JSON in, JSON out (a Date becomes a string, a Map `{}`). */
function throughJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export class FakeStorageArea implements StorageArea {
  private readonly items = new Map<string, string>();
  private readonly name: string;
  private readonly quotaBytes: number;
  private readonly changed: FakeEvent<StorageChangeListener>;

  constructor(name: string, quotaBytes: number, changed: FakeEvent<StorageChangeListener>) {
    this.name = name;
    this.quotaBytes = quotaBytes;
    this.changed = changed;
  }

  async get(keys: StorageKeys = null): Promise<Record<string, unknown>> {
    const wanted: Record<string, unknown> =
      keys === null ? Object.fromEntries([...this.items.keys()].map((k) => [k, undefined]))
      : typeof keys === 'string' ? { [keys]: undefined }
      : Array.isArray(keys) ? Object.fromEntries(keys.map((k) => [k, undefined]))
      : keys;
    const result: Record<string, unknown> = {};
    for (const [key, fallback] of Object.entries(wanted)) {
      const text = this.items.get(key);
      if (text !== undefined) result[key] = JSON.parse(text);
      else if (fallback !== undefined) result[key] = fallback;
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    // Chrome counts each item as the length of its key plus its JSON, and refuses the whole write.
    const bytes = [...next].reduce((sum, [key, text]) => sum + key.length + text.length, 0);
    if (bytes > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.commit(next);
  }

  async remove(keys: string | string[]): Promise<void> {
    const next = new Map(this.items);
    for (const key of [keys].flat()) next.delete(key);
    this.commit(next);
  }

  bytesInUse(): number {
    return [...this.items].reduce((sum, [key, text]) => sum + key.length + text.length, 0);
  }

  private commit(next: Map<string, string>): void {
    const changes: Record<string, StorageChange> = {};
    for (const key of new Set([...this.items.keys(), ...next.keys()])) {
      const before = this.items.get(key);
      const after = next.get(key);
      if (before === after) continue;
      changes[key] = {
        ...(before !== undefined && { oldValue: JSON.parse(before) }),
        ...(after !== undefined && { newValue: JSON.parse(after) }),
      };
    }
    this.items.clear();
    for (const [key, text] of next) this.items.set(key, text);
    if (Object.keys(changes).length > 0) void this.changed.dispatch(changes, this.name);
  }
}

export interface FakeChromeOptions {
  /** The extension's id; messages from its own pages carry it as sender.id. */
  id?: string;
  /** storage.local quota in bytes; set it low to test what happens when storage is full. */
  quotaBytes?: number;
  /** The fake clock's start, in milliseconds since the epoch. */
  startTime?: number;
}

export interface FakeChrome extends ExtensionApi {
  runtime: ExtensionApi['runtime'] & { onMessage: FakeEvent<MessageListener>; onInstalled: FakeEvent<(details: InstalledDetails) => void> };
  storage: { local: FakeStorageArea; onChanged: FakeEvent<StorageChangeListener> };
  alarms: ExtensionApi['alarms'] & { onAlarm: FakeEvent<(alarm: Alarm) => void> };
  /** The fake clock, in milliseconds since the epoch. */
  now(): number;
  /** Move the clock forward, firing every alarm that falls due on the way, in order. */
  advanceTime(ms: number): Promise<void>;
  /** Deliver a message as if `sender` sent it, e.g. a content script: `{ id, tab: { id: 1 } }`. */
  deliverMessage(message: unknown, sender: MessageSender): Promise<unknown>;
  /** Fire runtime.onInstalled, as installing or updating the extension does. */
  install(details?: InstalledDetails): Promise<void>;
}

export function createFakeChrome(options: FakeChromeOptions = {}): FakeChrome {
  const id = options.id ?? 'abcdefghijklmnopabcdefghijklmnop';
  let clock = options.startTime ?? Date.UTC(2026, 0, 1);
  const onMessage = new FakeEvent<MessageListener>();
  const onInstalled = new FakeEvent<(details: InstalledDetails) => void>();
  const onChanged = new FakeEvent<StorageChangeListener>();
  const local = new FakeStorageArea('local', options.quotaBytes ?? LOCAL_QUOTA_BYTES, onChanged);
  const onAlarm = new FakeEvent<(alarm: Alarm) => void>();
  const alarms = new Map<string, Alarm>();

  function deliverMessage(message: unknown, sender: MessageSender): Promise<unknown> {
    if (onMessage.listeners.length === 0) {
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }
    const payload = throughJson(message);
    return new Promise((resolve) => {
      let replied = false;
      let waiting = false;
      const sendResponse = (response?: unknown) => {
        if (replied) return;
        replied = true;
        resolve(throughJson(response));
      };
      for (const listener of [...onMessage.listeners]) {
        if (listener(payload, throughJson(sender), sendResponse) === true) waiting = true;
      }
      // Nobody replied and nobody asked to reply later: the sender gets undefined.
      if (!replied && !waiting) resolve(undefined);
    });
  }

  return {
    runtime: {
      id,
      sendMessage: (message) => deliverMessage(message, { id, url: `chrome-extension://${id}/popup.html` }),
      onMessage,
      onInstalled,
    },
    storage: { local, onChanged },
    alarms: {
      async create(name: string, info: AlarmCreateInfo) {
        const period = info.periodInMinutes;
        const scheduledTime = info.when ?? clock + (info.delayInMinutes ?? period ?? 0) * 60_000;
        alarms.set(name, { name, scheduledTime, ...(period !== undefined && { periodInMinutes: period }) });
      },
      get: async (name) => {
        const alarm = alarms.get(name);
        return alarm && { ...alarm };
      },
      clear: async (name) => alarms.delete(name),
      onAlarm,
    },
    now: () => clock,
    async advanceTime(ms) {
      const until = clock + ms;
      for (;;) {
        const due = [...alarms.values()].filter((a) => a.scheduledTime <= until).sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
        if (!due) break;
        clock = Math.max(clock, due.scheduledTime);
        if (due.periodInMinutes === undefined) alarms.delete(due.name);
        else alarms.set(due.name, { ...due, scheduledTime: due.scheduledTime + due.periodInMinutes * 60_000 });
        await onAlarm.dispatch({ ...due });
      }
      clock = until;
    },
    deliverMessage,
    install: (details = { reason: 'install' }) => onInstalled.dispatch(details),
  };
}
