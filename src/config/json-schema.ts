/**
 * config.schema.json: the JSON Schema of config.yml that editors use, so that an editor flags
 * what `scaffold validate` flags. It is built from the same sources as the zod schema:
 *
 * - the common keys and the overlay format, converted from their zod schemas;
 * - one section per project type, from the type's fields (src/catalog/types.ts);
 * - the cross-field rules as if/then, each condition translated with the CLI's meaning of a
 *   missing answer (its default, which may depend on earlier answers);
 * - the entry and suite names an overlay may use, per project type, as enums.
 *
 * One flat object with if/then per type rather than a oneOf of the types: a oneOf makes an
 * editor report every branch's complaints for one mistake. Draft-07, which editors support best.
 * Converting costs more than a whole small run, so the build stores the text for Scaffold's own
 * content (src/catalog/built.ts); a project with its own entries or packs gets its names too.
 */
import * as z from '../schema-library.js';
import { fromBuildFor, shippedFingerprint } from '../catalog/built.js';
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import { matches, type Condition, type Scalar } from '../catalog/conditions.js';
import { overlaySchema } from '../catalog/overlay-format.js';
import { projectTypes, type FieldInfo, type FieldValue } from '../catalog/types.js';
import { commonSchema } from './schema.js';
import { sectionSchema } from './sections.js';

export const JSON_SCHEMA_ARTIFACT = 'config-schema';

type Json = Record<string, unknown> | boolean;

/** The names overlays may use: every entry and suite, each with the type it is for (if one). */
export interface OverlayNames {
  knowledge: Map<string, string | undefined>;
  suites: Map<string, string | undefined>;
}

const draft7 = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

export function configJsonSchema(names: OverlayNames): Record<string, unknown> {
  const types = projectTypes();
  const common = draft7(commonSchema());
  const sections = Object.fromEntries(types.ids.map((t) => [types.get(t).key, sectionJson(t)]));
  const perType = types.ids.map((type) => {
    const key = types.get(type).key;
    const others = types.ids.filter((t) => t !== type).map((t) => types.get(t).key);
    return {
      if: { properties: { projectType: { const: type } }, required: ['projectType'] },
      then: {
        properties: { overlay: { $ref: `#/definitions/overlay-${type}` }, ...Object.fromEntries(others.map((k) => [k, false])) },
        ...(sectionRequired(type) && { required: [key] }),
      },
    };
  });
  const rules = types.ids.flatMap((type) => {
    const { key, rules } = types.get(type);
    return rules.map((rule) => ({
      description: rule.message,
      if: { properties: { projectType: { const: type }, [key]: holds(type, rule.if) }, required: ['projectType'] },
      then: { properties: { [key]: { ...holds(type, rule.then), errorMessage: rule.message } } },
    }));
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Scaffold project configuration (.scaffold/config.yml)',
    type: 'object',
    properties: {
      ...(common.properties as object),
      projectType: { description: 'the project type', enum: types.ids },
      overlay: { description: 'inline overlay, applied after local overlays', type: 'object' },
      ...sections,
    },
    required: ['name', 'projectType'],
    additionalProperties: false,
    allOf: [
      {
        description: 'depth only with methodology custom',
        if: { properties: { methodology: { not: { const: 'custom' } } } },
        then: { not: { required: ['depth'] } },
      },
      ...perType,
      ...rules,
    ],
    definitions: overlayDefinitions(names),
  };
}

/**
 * config.schema.json's text for a project whose catalog is `catalog`; without one, or when it
 * holds only Scaffold's own content, the text the build stored.
 */
export function configSchemaText(catalog?: Catalog): string {
  const text = (c: Catalog) => `${JSON.stringify(configJsonSchema(namesOf(c)), null, 2)}\n`;
  if (catalog && !onlyShipped(catalog)) return text(catalog);
  return fromBuildFor(JSON_SCHEMA_ARTIFACT, shippedFingerprint(), () => text(catalog ?? loadCatalog()));
}

function onlyShipped(catalog: Catalog): boolean {
  const shipped = (kind: 'knowledge' | 'suites', names: ReadonlySet<string>) => [...names].every((n) => catalog.originOf(kind, n) === 'shipped');
  return shipped('knowledge', catalog.knowledgeNames) && shipped('suites', catalog.suiteNames);
}

function namesOf(catalog: Catalog): OverlayNames {
  const map = (kind: 'knowledge' | 'suites', names: ReadonlySet<string>) => new Map([...names].map((n) => [n, catalog.known.typeOf(kind, n)]));
  return { knowledge: map('knowledge', catalog.knowledgeNames), suites: map('suites', catalog.suiteNames) };
}

// ---- A type's section -------------------------------------------------------------------------

function fieldJson(info: FieldInfo): Record<string, unknown> {
  const values = info.choices.map((c) => c.value);
  const base =
    info.kind === 'boolean'
      ? { type: 'boolean' }
      : info.kind === 'multi'
        ? { type: 'array', items: { enum: values }, uniqueItems: true }
        : { enum: values };
  const help = info.choices.length ? ` (${info.choices.map((c) => `${c.value}: ${c.help}`).join('; ')})` : '';
  return { description: `${info.question}${help}`, ...base, ...(info.default !== undefined && { default: info.default }) };
}

function sectionJson(type: string): Record<string, unknown> {
  const def = projectTypes().get(type);
  const fields = Object.entries(def.fields);
  const required = fields.filter(([, info]) => info.default === undefined && !info.defaultWhen).map(([k]) => k);
  return {
    description: `${def.title} answers`,
    type: 'object',
    properties: Object.fromEntries(fields.map(([k, info]) => [k, fieldJson(info)])),
    ...(required.length && { required }),
    additionalProperties: false,
  };
}

/** A section may be left out when every field has a default. */
function sectionRequired(type: string): boolean {
  return !sectionSchema(type).safeParse({}).success;
}

// ---- Conditions, with the CLI's defaults ------------------------------------------------------

/** A present value matching `expected` (conditions.ts: a list means any of; `[]` an empty list). */
function valueJson(info: FieldInfo, expected: Scalar | Scalar[]): Record<string, unknown> {
  const wanted = [expected].flat();
  if (info.kind !== 'multi') return { enum: wanted };
  return wanted.length === 0 ? { maxItems: 0 } : { contains: { enum: wanted } };
}

const valueMatches = (value: FieldValue | undefined, expected: Scalar | Scalar[]) => value !== undefined && matches({ k: expected }, () => value);

/** A section (object) in which `condition` holds, a missing answer taking its default. */
function holds(type: string, condition: Condition): Record<string, unknown> {
  const fields = projectTypes().get(type).fields;
  return { allOf: Object.entries(condition).map(([key, expected]) => keyHolds(type, key, fields[key]!, expected)) };
}

function keyHolds(type: string, key: string, info: FieldInfo, expected: Scalar | Scalar[]): Json {
  const present = { required: [key], properties: { [key]: valueJson(info, expected) } };
  const missing = defaultHolds(type, info, expected);
  if (missing === false) return present;
  return { anyOf: [present, { allOf: [{ not: { required: [key] } }, missing] }] };
}

/** When the default of `info` matches: always (true), never (false), or when the earlier answers say so. */
function defaultHolds(type: string, info: FieldInfo, expected: Scalar | Scalar[]): Json {
  if (!info.defaultWhen) return valueMatches(info.default, expected);
  // The first default-when whose condition holds gives the default; else the plain default.
  const branches: Json[] = [];
  const earlier: Condition[] = [];
  for (const { if: when, value } of info.defaultWhen) {
    if (valueMatches(value, expected)) branches.push({ allOf: [holds(type, when), ...earlier.map((c) => ({ not: holds(type, c) }))] });
    earlier.push(when);
  }
  if (valueMatches(info.default, expected)) branches.push({ allOf: earlier.map((c) => ({ not: holds(type, c) })) });
  return branches.length === 0 ? false : { anyOf: branches };
}

// ---- Overlays: the names a project of this type may use ---------------------------------------

/**
 * `overlay` (the format, converted from zod), the names (`knowledge`, `suites`: all of them, for
 * `remove`; `knowledge-<type>`, `suites-<type>`: those that fit the type, for `add` and
 * `replace`), and `overlay-<type>`: the format with those names, at the top and in `when` blocks.
 */
function overlayDefinitions(names: OverlayNames): Record<string, unknown> {
  const format = draft7(overlaySchema());
  delete format.$schema;
  const types = projectTypes().ids;
  const fits = (map: Map<string, string | undefined>, type: string) => [...map].filter(([, t]) => t === undefined || t === type).map(([n]) => n);
  const definitions: Record<string, unknown> = {
    overlay: format,
    knowledge: { enum: [...names.knowledge.keys()] },
    suites: { enum: [...names.suites.keys()] },
  };
  for (const type of types) {
    definitions[`knowledge-${type}`] = { enum: fits(names.knowledge, type) };
    definitions[`suites-${type}`] = { enum: fits(names.suites, type) };
    const ops = (kind: keyof OverlayNames) => ({
      properties: {
        add: { items: { $ref: `#/definitions/${kind}-${type}` } },
        remove: { items: { $ref: `#/definitions/${kind}` } },
        replace: { items: { $ref: `#/definitions/${kind}-${type}` } },
      },
    });
    const lists = { properties: { knowledge: ops('knowledge'), suites: ops('suites') } };
    definitions[`overlay-${type}`] = {
      allOf: [{ $ref: '#/definitions/overlay' }, { ...lists, properties: { ...lists.properties, when: { items: lists } } }],
    };
  }
  return definitions;
}
