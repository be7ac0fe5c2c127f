// Content at 1x, 10x and 20x (or any scale): a copy of the built package whose ml overlay selects N copies of
// every ml knowledge entry and suite, so init renders and writes N times as much.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageCopy } from './projects.mjs';

export function syntheticPackage(root, scale) {
  const copy = packageCopy(root, `pkg${scale}x`);
  const { pkg } = copy;
  const knowledge = join(pkg, 'content/knowledge/ml');
  const entries = readdirSync(knowledge).map((f) => f.replace(/\.md$/, ''));
  const suites = readdirSync(join(pkg, 'templates')).filter((s) => s.startsWith('ml-'));
  const extraEntries = [];
  const extraSuites = [];
  for (let k = 2; k <= scale; k++) {
    for (const name of entries) {
      const copy = `${name}-x${k}`;
      writeFileSync(join(knowledge, `${copy}.md`), readFileSync(join(knowledge, `${name}.md`), 'utf8').replace(`name: ${name}\n`, `name: ${copy}\n`));
      extraEntries.push(copy);
    }
    for (const suite of suites) {
      const copy = `${suite}-x${k}`;
      const dir = join(pkg, 'templates', copy);
      // Files go under x<k>/ so that the copies never write the same paths.
      cpSync(join(pkg, 'templates', suite, 'files'), join(dir, 'files', `x${k}`), { recursive: true });
      writeFileSync(join(dir, 'suite.yml'), readFileSync(join(pkg, 'templates', suite, 'suite.yml'), 'utf8').replace(`name: ${suite}\n`, `name: ${copy}\n`));
      extraSuites.push(copy);
    }
  }
  // The copies join the ml overlay as a when block that always matches.
  const overlay = join(pkg, 'content/methodology/ml-overlay.yml');
  const block = `  - if: { ml.projectPhase: [training, inference, both] }\n    knowledge: { add: [${extraEntries.join(', ')}] }\n    suites: { add: [${extraSuites.join(', ')}] }\n`;
  if (scale > 1) writeFileSync(overlay, readFileSync(overlay, 'utf8').replace('\nwhen:\n', `\nwhen:\n${block}`));
  copy.rebuild();
  return copy;
}
