/**
 * Shared by the manifest review tests: the parsed manifest.json and package.json, and the text
 * of every source file under src/, read once per test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Json = Record<string, unknown>;

const root = new URL('../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Json;

export const manifest = readJson('manifest.json');
export const packageJson = readJson('package.json');

const srcDir = fileURLToPath(new URL('src/', root));

/** Relative path -> content of every TypeScript file under src/. */
export const sources: ReadonlyMap<string, string> = new Map(
  readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => [path.split('\\').join('/'), readFileSync(join(srcDir, path), 'utf8')]),
);

export const sourceUses = (text: string): boolean => [...sources.values()].some((content) => content.includes(text));

export const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

// A match pattern that covers every site, such as <all_urls> or https://* followed by a path.
export const isBroad = (pattern: string): boolean => pattern === '<all_urls>' || /^[*a-z]+:\/\/\*(\/|$)/.test(pattern);

export const objects = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];

export const contentScripts: Json[] = objects(manifest.content_scripts);

/** Every host pattern the manifest asks for, wherever it is declared. */
export function hostPatterns(): string[] {
  const isHost = (p: string) => p === '<all_urls>' || p.includes('://');
  return [
    ...list(manifest.permissions).filter(isHost),
    ...list(manifest.host_permissions),
    ...contentScripts.flatMap((script) => list(script.matches)),
  ];
}

/** API permissions (no host patterns) requested at install time. */
export function apiPermissions(): string[] {
  return list(manifest.permissions).filter((p) => p !== '<all_urls>' && !p.includes('://'));
}
