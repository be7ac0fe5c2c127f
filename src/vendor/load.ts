/**
 * Libraries that only one command needs, loaded when it runs. The build bundles each of them on
 * its own (src/build/bundle.mjs) into dist/vendor/, so the program every command loads stays
 * small: the MCP SDK for `scaffold mcp`, the prompts for the wizard, and the YAML library
 * (src/source/yaml.ts). Runs from the sources (Scaffold's tests) import the module here instead.
 *
 * The paths are computed, never literals, so that esbuild leaves them alone rather than bundling
 * the library into the program.
 */
import { requireCached } from '../compile-cache.js';
import { PACKAGE_ROOT, RUNNING_FROM_BUILD } from '../package-root.js';

export type McpSdk = typeof import('./mcp-sdk.js');
export type Prompts = typeof import('./prompts.js');

/** The file the build bundled library `name` into; undefined when running from the sources. */
export function vendoredFile(name: string): string | undefined {
  return RUNNING_FROM_BUILD ? `${PACKAGE_ROOT}dist/vendor/${name}.cjs` : undefined;
}

/**
 * The library `name` as the build bundled it, through V8's code cache (src/compile-cache.ts)
 * kept under its name; undefined when running from the sources.
 */
export function vendored<T>(name: string): T | undefined {
  const file = vendoredFile(name);
  return file === undefined ? undefined : (requireCached(file, name) as T);
}

async function load<T>(name: string): Promise<T> {
  return vendored<T>(name) ?? ((await import(new URL(`${name}.ts`, import.meta.url).href)) as T);
}

export const mcpSdk = () => load<McpSdk>('mcp-sdk');
export const prompts = () => load<Prompts>('prompts');
