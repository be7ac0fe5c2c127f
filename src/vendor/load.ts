/**
 * Libraries that only one command needs, loaded when it runs. The build bundles each of them on
 * its own (src/build/bundle.mjs) into dist/vendor/, so the one file of Scaffold's code every
 * command loads stays small: the MCP SDK for `scaffold mcp`, the prompts for the wizard.
 * Runs from the sources (Scaffold's tests) import the module here instead.
 *
 * The specifier is computed, never a literal, so that esbuild leaves the import as it is rather
 * than bundling the library into dist/cli.js.
 */
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT, RUNNING_FROM_BUILD } from '../package-root.js';

export type McpSdk = typeof import('./mcp-sdk.js');
export type Prompts = typeof import('./prompts.js');

function load<T>(name: string): Promise<T> {
  const url = RUNNING_FROM_BUILD ? pathToFileURL(`${PACKAGE_ROOT}dist/vendor/${name}.js`) : new URL(`${name}.ts`, import.meta.url);
  return import(url.href) as Promise<T>;
}

export const mcpSdk = () => load<McpSdk>('mcp-sdk');
export const prompts = () => load<Prompts>('prompts');
