/**
 * manifest.json is valid for Manifest V3 and declares what the extension is, no more.
 * Pattern: read the real manifest and assert the rules a store review or a browser load would
 * enforce, so a bad edit fails here first. SURFACES and the version come from your answers in
 * .scaffold/config.yml; `scaffold update` rewrites the manifest and this test when the answers
 * change, merging in your own edits to either.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Json = Record<string, unknown>;

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Json;

const SURFACES: string[] = ["popup","options"];
const HAS_CONTENT_SCRIPT = true;

/**
 * Where each UI surface is declared, as paths into the manifest. The side UI has one key per
 * engine: Chromium reads side_panel (Manifest V3), Firefox reads sidebar_action; each browser
 * ignores the other's key.
 */
const SURFACE_KEYS: Record<string, string[][]> = {
  popup: [['action', 'default_popup']],
  options: [['options_ui', 'page']],
  newtab: [['chrome_url_overrides', 'newtab']],
  devtools: [['devtools_page']],
  sidepanel: [
    ['side_panel', 'default_path'],
  ],
};

function at(path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], manifest);
}

const isHostPattern = (p: string) => p === '<all_urls>' || p.includes('://');
const contentScripts = (manifest.content_scripts ?? []) as { matches: string[] }[];
const permissions = (manifest.permissions ?? []) as string[];

describe('manifest.json', () => {
  it('has the required keys with values browsers and stores accept', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toEqual(expect.any(String));
    expect((manifest.name as string).length).toBeGreaterThan(0);
    expect((manifest.name as string).length).toBeLessThanOrEqual(75);
    // One to four dot-separated integers, each 0-65535, without leading zeros.
    expect(manifest.version).toMatch(/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/);
    for (const part of (manifest.version as string).split('.')) expect(Number(part)).toBeLessThanOrEqual(65535);
    expect((manifest.description as string).length).toBeLessThanOrEqual(132);
  });

  it('uses the Manifest V3 keys and none of the Manifest V2 ones', () => {
    expect(manifest).not.toHaveProperty('browser_action');
    expect(manifest).not.toHaveProperty('page_action');
    // Host access lives in host_permissions under MV3; Chrome rejects hosts inside permissions.
    expect(permissions.filter(isHostPattern)).toEqual([]);
  });

  it('runs the background as a module service worker, never a persistent page', () => {
    expect(manifest.background).toEqual({ service_worker: expect.stringMatching(/\.js$/), type: 'module' });
  });

  it('asks for host access exactly where its content scripts run', () => {
    const matches = new Set(contentScripts.flatMap((script) => script.matches));
    const hosts = new Set([...((manifest.host_permissions ?? []) as string[]), ...permissions.filter(isHostPattern)]);
    expect(contentScripts.length > 0).toBe(HAS_CONTENT_SCRIPT);
    expect([...hosts].sort()).toEqual([...matches].sort());
  });

  it('declares every chosen UI surface, for every target browser, and no other', () => {
    const declared = (surface: string) => SURFACE_KEYS[surface]!.filter((path) => at(path) !== undefined);
    expect(Object.keys(SURFACE_KEYS).filter((surface) => declared(surface).length > 0).sort()).toEqual([...SURFACES].sort());
    for (const surface of SURFACES) {
      expect(declared(surface), `${surface}: declared where each target browser reads it`).toEqual(SURFACE_KEYS[surface]);
      for (const path of declared(surface)) expect(at(path)).toMatch(/^[\w/-]+\.html$/);
    }
  });
});
