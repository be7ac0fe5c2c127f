/**
 * Build step: precompile every Handlebars template that ships (knowledge entry bodies, suite
 * files and their path templates) into dist/compiled/<source>.cjs, so a run needs only the
 * Handlebars runtime. Run by `npm run build` after tsc.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configJsonSchema, SCHEMA_BUILD_FILE } from '../config/schema.js';
import { listKnowledge, readEntry } from '../knowledge/load.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { COMPILED_DIR, compiledPath, precompile, textHash } from '../render/handlebars.js';
import { listSuites, readSuite, suiteTemplates } from '../render/suites.js';

function write(source: string, text: string): void {
  const file = join(PACKAGE_ROOT, compiledPath(source));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `module.exports = { hash: ${JSON.stringify(textHash(text))}, spec: ${precompile(text)} };\n`);
}

rmSync(join(PACKAGE_ROOT, COMPILED_DIR), { recursive: true, force: true });
let count = 0;
for (const file of listKnowledge().values()) {
  write(file, readEntry(file).body);
  count++;
}
for (const dir of listSuites().values()) {
  for (const template of suiteTemplates(readSuite(dir))) {
    write(template.source, template.text);
    count++;
  }
}
writeFileSync(join(PACKAGE_ROOT, SCHEMA_BUILD_FILE), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`precompiled ${count} templates and the config JSON Schema into ${COMPILED_DIR}/`);
