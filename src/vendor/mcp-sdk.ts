/**
 * What `scaffold mcp` takes from the MCP SDK, bundled on its own into dist/vendor/mcp-sdk.cjs (see
 * load.ts). The tools' input schemas are built with this bundle's zod, the copy the SDK reads;
 * named one by one, so that the rest of zod (its locales, ...) stays out.
 */
import { enum as oneOf, number, string } from 'zod';

export { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
export const z = { enum: oneOf, number, string };
