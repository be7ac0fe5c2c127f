/**
 * The extension's settings: their shape, defaults, validation, and the migrations from the
 * shapes older releases stored. Pure functions only; settings-store.ts reads and writes them.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  /** Whether the extension acts at all; the popup toggles it and pause/resume switch it. */
  readonly enabled: boolean;
  readonly theme: Theme;
  /** Sites (host names, subdomains included) where the extension stays inactive. */
  readonly ignoredSites: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = { enabled: true, theme: 'system', ignoredSites: [] };

/** Bump this with every change to the stored shape, and add the step from the previous version to MIGRATIONS. */
export const SETTINGS_VERSION = 2;

export class InvalidSettingsError extends Error {
  readonly key: string;

  constructor(key: string, message: string) {
    super(`settings.${key}: ${message}`);
    this.name = 'InvalidSettingsError';
    this.key = key;
  }
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function isHostName(value: unknown): value is string {
  return typeof value === 'string' && HOST_NAME.test(value);
}

type Parsers = { [K in keyof Settings]: { parse: (value: unknown) => Settings[K] | undefined; expected: string } };

// One parser per key: it returns the clean value, or undefined when the value is not acceptable.
const PARSERS: Parsers = {
  enabled: { parse: (v) => (typeof v === 'boolean' ? v : undefined), expected: 'true or false' },
  theme: { parse: (v) => THEMES.find((t) => t === v), expected: THEMES.join(', ') },
  ignoredSites: {
    parse: (v) => (Array.isArray(v) && v.every(isHostName) ? [...new Set(v)] : undefined),
    expected: 'a list of lowercase host names such as docs.example.org',
  },
};

const KEYS = Object.keys(PARSERS) as (keyof Settings)[];

/** Check a change before it is stored: every key must exist and every value must be valid. */
export function checkPatch(patch: Record<string, unknown>): Partial<Settings> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!KEYS.includes(key as keyof Settings)) throw new InvalidSettingsError(key, `unknown setting; expected one of ${KEYS.join(', ')}`);
    const parser = PARSERS[key as keyof Settings];
    const parsed = parser.parse(value);
    if (parsed === undefined) throw new InvalidSettingsError(key, `expected ${parser.expected}, got ${JSON.stringify(value)}`);
    clean[key] = parsed;
  }
  return clean as Partial<Settings>;
}

/**
 * Read whatever is stored leniently: a missing or damaged value falls back to its default and
 * unknown keys are dropped, so one bad value never locks the person out of the extension.
 */
export function repair(values: Record<string, unknown>): Settings {
  const settings: Record<string, unknown> = {};
  for (const key of KEYS) settings[key] = PARSERS[key].parse(values[key]) ?? DEFAULT_SETTINGS[key];
  return settings as unknown as Settings;
}

type Migration = (values: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. Steps never throw: repair() cleans up after them. */
const MIGRATIONS: Record<number, Migration> = {
  // Version 1 stored `darkMode: boolean` and the ignored sites as one comma-separated string.
  1: ({ darkMode, ignoredSites, ...rest }) => ({
    ...rest,
    theme: darkMode === true ? 'dark' : 'system',
    ignoredSites:
      typeof ignoredSites === 'string'
        ? ignoredSites
            .split(',')
            .map((site) => site.trim().toLowerCase())
            .filter(Boolean)
        : ignoredSites,
  }),
};

export function migrate(version: number, values: Record<string, unknown>): Record<string, unknown> {
  let current = values;
  for (let v = version; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from settings version ${v} to ${v + 1}`);
    current = step(current);
  }
  return current;
}
