/** `scaffold schema`: the JSON Schema of .scaffold/config.yml, generated from the zod schema. */
import { configSchemaText } from '../config/json-schema.js';
import type { CommandContext } from './context.js';

export async function schema(ctx: CommandContext): Promise<number> {
  ctx.stdout(configSchemaText());
  return 0;
}
