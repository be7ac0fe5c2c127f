/**
 * config.schema.json: the JSON Schema of config.yml that editors use, converted from the zod
 * schema. Converting costs more than a whole small run, so the build stores it with the content
 * fingerprint it was made from (src/catalog/built.ts) and runs use that while it holds.
 */
import * as z from 'zod';
import { fromBuildFor, shippedFingerprint } from '../catalog/built.js';
import { configSchema } from './schema.js';

export const JSON_SCHEMA_ARTIFACT = 'config-schema';

/** JSON Schema of config.yml, from the zod schema (input side: what a person writes). */
export function configJsonSchema(): object {
  return {
    ...z.toJSONSchema(configSchema(), { io: 'input', unrepresentable: 'any' }),
    title: 'Scaffold project configuration (.scaffold/config.yml)',
  };
}

/** config.schema.json's text as written into projects and printed by `scaffold schema`. */
export function configSchemaText(): string {
  return fromBuildFor(JSON_SCHEMA_ARTIFACT, shippedFingerprint(), () => `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
}
