/**
 * Packaging rules for manifest.json: all code ships inside the package (no remote code, which
 * Manifest V3 forbids), a strict content security policy, nothing exposed to every web page,
 * one version number, and scripts that exist as entry points in src/.
 * Pattern: rules a store review or a browser load would reject, checked on every commit. Add
 * the rules your reviewers keep repeating; keep each failure message a fix, not a symptom.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentScripts, isBroad, list, manifest, objects, packageJson, type Json } from './manifest';

const background = (manifest.background ?? {}) as Json;
const at = (object: unknown, key: string) => (object as Json | undefined)?.[key];

/** Every file the manifest loads: scripts, styles and pages. */
const files: string[] = [
  ...list(background.scripts),
  ...[background.service_worker, background.page].filter((f): f is string => typeof f === 'string'),
  ...contentScripts.flatMap((script) => [...list(script.js), ...list(script.css)]),
  ...[
    at(manifest.action, 'default_popup'),
    at(manifest.browser_action, 'default_popup'),
    at(manifest.options_ui, 'page'),
    manifest.options_page,
    at(manifest.side_panel, 'default_path'),
    at(manifest.sidebar_action, 'default_panel'),
    at(manifest.chrome_url_overrides, 'newtab'),
    manifest.devtools_page,
  ].filter((f): f is string => typeof f === 'string'),
];

describe('packaging', () => {
  it('loads every script and page from the package, never from a URL', () => {
    expect(files.length).toBeGreaterThan(0);
    const remote = files.filter((file) => /^([a-z]+:)?\/\//i.test(file) || !/\.(js|css|html)$/.test(file));
    expect(remote, 'bundle the code: remotely hosted code is rejected by the stores').toEqual([]);
  });

  it('keeps the content security policy at least as strict as the default', () => {
    const csp = manifest.content_security_policy;
    const policies = typeof csp === 'string' ? [csp] : Object.values((csp ?? {}) as Json).map(String);
    // 'wasm-unsafe-eval' is allowed; 'unsafe-eval', inline scripts and remote sources are not.
    const loose = policies.filter((policy) => /'unsafe-eval'|'unsafe-inline'|https?:|\bdata:/.test(policy));
    expect(loose).toEqual([]);
  });

  it('exposes no file to every web page', () => {
    const toAll = objects(manifest.web_accessible_resources).filter((entry) => list(entry.matches).some(isBroad));
    expect(toAll, 'list only the sites that need each resource in its matches').toEqual([]);
  });

  it('has the same version as package.json', () => {
    expect(manifest.version).toBe(packageJson.version);
  });

  it('builds every script it loads from an entry point in src/', () => {
    const scripts = files.filter((file) => file.endsWith('.js'));
    const missing = scripts.filter((script) => !existsSync(new URL(`../../src/${script.replace(/\.js$/, '.ts')}`, import.meta.url)));
    expect(scripts.length).toBeGreaterThan(0);
    expect(missing, 'each <name>.js is bundled from src/<name>.ts').toEqual([]);
  });

  it('injects content scripts into top frames once the page is idle, in the isolated world', () => {
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const script of contentScripts) {
      expect(list(script.matches).length).toBeGreaterThan(0);
      expect(script.run_at ?? 'document_idle').toBe('document_idle');
      expect(script.all_frames ?? false).toBe(false);
      expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
    }
  });
});
