/** `scaffold schema`: the JSON Schema of .scaffold/config.yml, generated from the zod schema. */
import { configJsonSchema } from '../config/schema.js';
import type { CommandContext } from './context.js';

export async function schema(ctx: CommandContext): Promise<number> {
  ctx.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return 0;
}
