// The explore page's assets (npm run page, part of npm run build): app.js and app.css bundled by
// esbuild with the libraries they use, index.html as it is, and LICENSES.txt with the license of
// every package the bundle holds (highlight.js's BSD license asks for its notice to travel along).
import { build } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HERE = join(ROOT, 'src/explore/page');
const OUT = join(ROOT, 'dist/explore');

const { metafile } = await build({
  entryPoints: [join(HERE, 'app.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  outdir: OUT,
  metafile: true,
});
copyFileSync(join(HERE, 'index.html'), join(OUT, 'index.html'));

// node_modules/<name>/... or node_modules/@scope/<name>/...: the packages that went into the bundle.
const packages = new Set(
  Object.keys(metafile.inputs)
    .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
    .filter(Boolean),
);
const notices = [...packages].sort().map((name) => {
  const dir = join(ROOT, 'node_modules', name);
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : `${license}`;
  return `${name} ${version} (${license})\n\n${text}\n`;
});
writeFileSync(join(OUT, 'LICENSES.txt'), `The explore page (app.js, app.css) bundles these packages.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);
