/**
 * Build step (after the bundle): derive from every shipped file what runs would otherwise derive
 * each time — parsed templates (knowledge bodies, suite files and their path templates), the
 * overlays, suite.yml files and knowledge frontmatter parsed and checked against their schemas,
 * and the config JSON Schema — and store it under dist/compiled/ (see src/compiled.ts). A
 * shipped file that does not pass its schema fails the build.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactStore, COMPILED_DIR } from '../compiled.js';
import { configJsonSchema, SCHEMA_BUILD_FILE } from '../config/schema.js';
import { checkEntry, listKnowledge } from '../knowledge/load.js';
import { loadOverlayFile, METHODOLOGY_DIR } from '../overlays/load.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { parseTemplate } from '../render/parse-template.js';
import { checkSuite, listSuites, readSuite, suiteTemplates } from '../render/suites.js';
import { contentFingerprint } from '../sync/inputs.js';

const read = (source: string) => readFileSync(join(PACKAGE_ROOT, source), 'utf8');
rmSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true, force: true });
const store = artifactStore();
let templates = 0;
let data = 0;

for (const file of listKnowledge().values()) {
  const text = read(file);
  const entry = checkEntry(text, file);
  const body = text.slice(entry.bodyAt);
  store.add(file, 'data', text, entry);
  store.add(file, 'template', body, parseTemplate(body, file));
  templates++;
  data++;
}
for (const name of readdirSync(join(PACKAGE_ROOT, METHODOLOGY_DIR)).filter((f) => f.endsWith('.yml'))) {
  const source = `${METHODOLOGY_DIR}/${name}`;
  store.add(source, 'data', read(source), loadOverlayFile(join(PACKAGE_ROOT, source), source, source).overlay);
  data++;
}
for (const [name, dir] of listSuites()) {
  const source = `templates/${name}/suite.yml`;
  store.add(source, 'data', read(source), checkSuite(read(source), source));
  data++;
  const { templates: parsed, copied } = suiteTemplates(readSuite(dir));
  for (const template of parsed) {
    store.add(template.source, 'template', template.text, parseTemplate(template.text, template.source));
    templates++;
  }
  for (const file of copied) store.add(file.source, 'file', file.text, null);
}
mkdirSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true });
const files = store.write(contentFingerprint());
writeFileSync(join(PACKAGE_ROOT, SCHEMA_BUILD_FILE), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`stored ${templates} parsed templates and ${data} parsed files in ${files} files, and the config JSON Schema, in ${COMPILED_DIR}/`);
