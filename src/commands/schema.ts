/** `scaffold schema`: the JSON Schema of .scaffold/config.yml, generated from the zod schema. */
import { configSchemaText } from '../config/json-schema.js';
import type { CommandContext } from './context.js';
import { printEnvelope } from './envelope.js';

export async function schema(options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  if (options.json) printEnvelope(ctx, 'schema', 0, { schema: JSON.parse(configSchemaText()) });
  else ctx.stdout(configSchemaText());
  return 0;
}
