/**
 * The parts of the YAML library Scaffold uses, bundled on their own into dist/vendor/yaml.cjs
 * (src/source/yaml.ts loads it). Named here so that the build leaves out the rest of the library
 * (its top-level parse and stringify, the CST tools): a fifth less to read and evaluate in the
 * runs that read YAML (src/build/bundle.mjs says how).
 */
export { isMap, isSeq, LineCounter, parseDocument, visit } from 'yaml';
