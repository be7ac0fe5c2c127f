/**
 * The options page form: settings to field values and back, with the errors to show next to
 * each field. People paste URLs where a host name is expected, so the parser is forgiving about
 * form and strict about content.
 */
import { isHostName, THEMES, type Settings, type Theme } from '../settings/settings';

/** The raw values of the form fields, as the page reads them. */
export interface OptionsFields {
  theme: string;
  /** One site per line (commas and spaces also separate). */
  ignoredSites: string;
}

export type OptionsResult =
  | { ok: true; patch: Pick<Settings, 'theme' | 'ignoredSites'> }
  | { ok: false; errors: Partial<Record<keyof OptionsFields, string>> };

export function toFields(settings: Settings): OptionsFields {
  return { theme: settings.theme, ignoredSites: settings.ignoredSites.join('\n') };
}

/** "https://Docs.Example.org/path" and "docs.example.org." both mean docs.example.org. */
function hostOf(entry: string): string {
  const withoutScheme = entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return withoutScheme.split(/[/?#:]/)[0]!.toLowerCase().replace(/\.$/, '');
}

export function parseFields(fields: OptionsFields): OptionsResult {
  const errors: Partial<Record<keyof OptionsFields, string>> = {};
  const theme = THEMES.find((t) => t === fields.theme);
  if (theme === undefined) errors.theme = `Choose one of: ${THEMES.join(', ')}`;
  const entries = fields.ignoredSites.split(/[\s,]+/).filter(Boolean);
  const hosts = [...new Set(entries.map(hostOf))];
  const invalid = entries.filter((entry) => !isHostName(hostOf(entry)));
  if (invalid.length > 0) errors.ignoredSites = `Not a site: ${invalid.join(', ')}`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: { theme: theme as Theme, ignoredSites: hosts } };
}
