/**
 * Build step (after the bundle): derive from every shipped file what runs would otherwise derive
 * each time — parsed templates (knowledge bodies, suite files and their path templates), the
 * project types, overlays, suite.yml files and knowledge frontmatter parsed and checked against
 * their formats, and the config JSON Schema — and store it under dist/compiled/ (see
 * src/catalog/built.ts). A shipped file that does not pass its format fails the build.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactStore, COMPILED_DIR } from '../catalog/built.js';
import { KNOWLEDGE_DIR, METHODOLOGY_DIR, SUITES_DIR } from '../catalog/catalog.js';
import { checkEntry } from '../catalog/entries.js';
import { filesUnder } from '../catalog/files.js';
import { readLayer } from '../catalog/layers.js';
import { checkSuite, suiteSources } from '../catalog/suites.js';
import { checkTypeFile, TYPES_DIR } from '../catalog/types.js';
import { configSchemaText, JSON_SCHEMA_ARTIFACT } from '../config/json-schema.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { parseTemplate } from '../template/parse.js';

const read = (source: string) => readFileSync(join(PACKAGE_ROOT, source), 'utf8');
rmSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true, force: true });
const store = artifactStore();
let templates = 0;
let data = 0;

for (const name of readdirSync(join(PACKAGE_ROOT, TYPES_DIR)).filter((f) => f.endsWith('.yml'))) {
  const source = `${TYPES_DIR}/${name}`;
  store.add(source, 'data', read(source), checkTypeFile(read(source), source, name.slice(0, -4)));
  data++;
}
for (const file of filesUnder(join(PACKAGE_ROOT, KNOWLEDGE_DIR)).filter((f) => f.endsWith('.md'))) {
  const source = `${KNOWLEDGE_DIR}/${file}`;
  const text = read(source);
  const entry = checkEntry(text, source, true);
  const body = text.slice(entry.bodyAt);
  store.add(source, 'data', text, entry);
  store.add(source, 'body', body, parseTemplate(body, source));
  templates++;
  data++;
}
for (const name of readdirSync(join(PACKAGE_ROOT, METHODOLOGY_DIR)).filter((f) => f.endsWith('.yml'))) {
  const source = `${METHODOLOGY_DIR}/${name}`;
  const layer = readLayer(read(source), source, source);
  // Scaffold's own overlays use the depth names; an old number here is a mistake, not a migration.
  if (layer.warnings.length > 0) throw new Error(layer.warnings[0]);
  store.add(source, 'data', read(source), layer.overlay);
  data++;
}
for (const name of readdirSync(join(PACKAGE_ROOT, SUITES_DIR)).sort()) {
  const source = `${SUITES_DIR}/${name}/suite.yml`;
  try {
    read(source);
  } catch {
    continue;
  }
  store.add(source, 'data', read(source), checkSuite(read(source), source));
  data++;
  for (const file of suiteSources(join(PACKAGE_ROOT, SUITES_DIR, name), `${SUITES_DIR}/${name}`)) {
    if (file.path.includes('{{')) {
      store.add(`${file.source}#path`, 'template', file.path, parseTemplate(file.path, `${file.source}#path`));
      templates++;
    }
    if (file.isTemplate) {
      const text = file.read();
      store.add(file.source, 'template', text, parseTemplate(text, file.source));
      templates++;
    }
  }
}
// Derived from the zod schemas, which derive from the types: stored with the content fingerprint.
store.addWhole(JSON_SCHEMA_ARTIFACT, configSchemaText());
mkdirSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true });
const files = store.write();
console.log(`stored ${templates} parsed templates and ${data} parsed files in ${files} files, and the config JSON Schema, in ${COMPILED_DIR}/`);
