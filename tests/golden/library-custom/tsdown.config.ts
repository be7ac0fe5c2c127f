import { defineConfig } from 'tsdown';

// `npm run build`: tsdown bundles each public entry point into dist/, in the files package.json
// "exports" names. tests/build.test.ts builds, then checks every exported file exists and loads.
export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  // Neither Node nor browser built-ins: the code must run in Node, browsers and edge runtimes alike.
  platform: 'neutral',
  target: 'es2022',
  // Declarations bundled per entry: .d.ts beside the ES module build, .d.cts beside the CommonJS one.
  dts: true,
  // .js for ES modules and .cjs for CommonJS, which is what "type": "module" and the exports map expect.
  fixedExtension: false,
  // Source maps carry the TypeScript sources, because only dist/ is published.
  sourcemap: true,
});
