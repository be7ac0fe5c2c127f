/**
 * Build step (after the bundle): derive from every shipped file what runs would otherwise derive
 * each time — parsed templates (knowledge bodies, suite files and their path templates), parsed
 * overlays, suite.yml files and knowledge frontmatter, and the config JSON Schema — and store it
 * under dist/compiled/ (see src/compiled.ts).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { artifactStore, COMPILED_DIR } from '../compiled.js';
import { configJsonSchema, SCHEMA_BUILD_FILE } from '../config/schema.js';
import { listKnowledge, parseEntry } from '../knowledge/load.js';
import { METHODOLOGY_DIR } from '../overlays/load.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { parseTemplate } from '../render/parse-template.js';
import { listSuites, readSuite, suiteTemplates } from '../render/suites.js';

const read = (source: string) => readFileSync(join(PACKAGE_ROOT, source), 'utf8');
rmSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true, force: true });
const store = artifactStore();
let templates = 0;
let data = 0;

for (const file of listKnowledge().values()) {
  const text = read(file);
  const entry = parseEntry(text);
  const body = text.slice(entry.bodyAt);
  store.add(file, 'data', text, entry);
  store.add(file, 'template', body, parseTemplate(body, file));
  templates++;
  data++;
}
for (const name of readdirSync(join(PACKAGE_ROOT, METHODOLOGY_DIR)).filter((f) => f.endsWith('.yml'))) {
  const source = `${METHODOLOGY_DIR}/${name}`;
  store.add(source, 'data', read(source), parseYaml(read(source)));
  data++;
}
for (const [name, dir] of listSuites()) {
  const source = `templates/${name}/suite.yml`;
  store.add(source, 'data', read(source), parseYaml(read(source)));
  data++;
  for (const template of suiteTemplates(readSuite(dir))) {
    store.add(template.source, 'template', template.text, parseTemplate(template.text, template.source));
    templates++;
  }
}
const files = store.write();
writeFileSync(join(PACKAGE_ROOT, SCHEMA_BUILD_FILE), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`stored ${templates} parsed templates and ${data} parsed files in ${files} files, and the config JSON Schema, in ${COMPILED_DIR}/`);
