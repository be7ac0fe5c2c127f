/**
 * Build step (after the bundle): derive from every shipped file what runs would otherwise derive
 * each time — precompiled templates (knowledge bodies, suite files and their path templates),
 * parsed overlays, suite.yml files and knowledge frontmatter, and the config JSON Schema — and
 * store it under dist/compiled/ (see src/compiled.ts).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { COMPILED_DIR, storeArtifact } from '../compiled.js';
import { configJsonSchema, SCHEMA_BUILD_FILE } from '../config/schema.js';
import { listKnowledge, parseEntry } from '../knowledge/load.js';
import { METHODOLOGY_DIR } from '../overlays/load.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { precompile } from '../render/handlebars.js';
import { listSuites, readSuite, suiteTemplates } from '../render/suites.js';

const read = (source: string) => readFileSync(join(PACKAGE_ROOT, source), 'utf8');
/** A template spec as small JavaScript: less for every run to parse. */
const compact = (text: string) => transformSync(`module.exports=${precompile(text)}`, { minify: true, format: 'cjs' }).code.trim().replace(/^module\.exports=/, '').replace(/;$/, '');
rmSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true, force: true });
let templates = 0;
let data = 0;

for (const file of listKnowledge().values()) {
  const text = read(file);
  const entry = parseEntry(text);
  storeArtifact(file, 'data', text, entry);
  storeArtifact(file, 'template', entry.body, compact(entry.body));
  templates++;
  data++;
}
for (const name of readdirSync(join(PACKAGE_ROOT, METHODOLOGY_DIR)).filter((f) => f.endsWith('.yml'))) {
  const source = `${METHODOLOGY_DIR}/${name}`;
  storeArtifact(source, 'data', read(source), parseYaml(read(source)));
  data++;
}
for (const [name, dir] of listSuites()) {
  const source = `templates/${name}/suite.yml`;
  storeArtifact(source, 'data', read(source), parseYaml(read(source)));
  data++;
  for (const template of suiteTemplates(readSuite(dir))) {
    storeArtifact(template.source, 'template', template.text, compact(template.text));
    templates++;
  }
}
writeFileSync(join(PACKAGE_ROOT, SCHEMA_BUILD_FILE), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`stored ${templates} precompiled templates, ${data} parsed files and the config JSON Schema in ${COMPILED_DIR}/`);
