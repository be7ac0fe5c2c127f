/**
 * Options page form logic: settings to field values and back, with per-field errors.
 * Pattern: feed the raw strings a person types (pasted URLs, stray spaces, duplicates) and
 * assert the clean patch or the error shown next to the field. Replace the fields with yours
 * and keep the round trip test: it catches a field that is written but never read.
 */
import { describe, expect, it } from 'vitest';
import { parseFields, toFields } from '../../src/options/form';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

describe('options form', () => {
  it('round-trips settings through the form fields', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, theme: 'light', ignoredSites: ['mail.example.com', 'example.org'] };

    expect(parseFields(toFields(settings))).toEqual({ ok: true, patch: { theme: 'light', ignoredSites: ['mail.example.com', 'example.org'] } });
  });

  it('accepts pasted URLs, mixed case, commas and duplicates, and keeps just the host names', () => {
    const result = parseFields({ theme: 'dark', ignoredSites: 'https://Mail.Example.com/inbox?x=1\nexample.org., mail.example.com  ' });

    expect(result).toEqual({ ok: true, patch: { theme: 'dark', ignoredSites: ['mail.example.com', 'example.org'] } });
  });

  it('reports each invalid field with what is wrong', () => {
    const result = parseFields({ theme: 'sepia', ignoredSites: 'example.com\nnot_a_host\n-bad-.org' });

    expect(result).toEqual({
      ok: false,
      errors: { theme: 'Choose one of: system, light, dark', ignoredSites: 'Not a site: not_a_host, -bad-.org' },
    });
  });

  it('treats an empty list as no ignored sites', () => {
    expect(parseFields({ theme: 'system', ignoredSites: '  \n ' })).toEqual({ ok: true, patch: { theme: 'system', ignoredSites: [] } });
  });
});
