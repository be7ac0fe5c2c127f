/**
 * Pattern: a runtime-target guard for isomorphic code. Everything in src/ must run in browsers
 * and edge runtimes as well as Node, except the Node adapter, which only the "./node" entry loads:
 * no Node built-in imports and no Node-only globals elsewhere, and the main entry never reaches
 * the adapter. The scanner is tested too, so a guard that silently finds nothing would fail.
 * Replace: NODE_ADAPTERS with your own adapter files (one per platform-specific entry point).
 */
import { describe, expect, it } from 'vitest';
import { findNodeOnlyUses, readSource, reachableFrom, sourceFiles } from './source-scan.js';

const NODE_ADAPTERS = ['src/node.ts'];

function nodeOnlyCode(files: string[]): string[] {
  return files.flatMap((file) =>
    findNodeOnlyUses(readSource(file), file).map((use) => `${file}:${use.line} ${use.kind === 'import' ? 'imports' : 'uses'} ${use.text}`),
  );
}

describe('runtime target: isomorphic', () => {
  it('keeps Node built-ins and Node-only globals out of src/, except in the Node adapter', () => {
    const shared = sourceFiles().filter((file) => !NODE_ADAPTERS.includes(file));
    expect(shared.length).toBeGreaterThan(0);
    expect(nodeOnlyCode(shared)).toEqual([]);
  });

  it('never loads the Node adapter from the main entry', () => {
    const loaded = reachableFrom('src/index.ts');
    expect(loaded).toContain('src/index.ts');
    expect(loaded.filter((file) => NODE_ADAPTERS.includes(file))).toEqual([]);
  });

  it('finds the Node adapter when an import reaches it', () => {
    expect(reachableFrom('src/node.ts')).toEqual(['src/duration.ts', 'src/node.ts']);
  });

  it('finds Node-only code when it is there', () => {
    const source = [
      "import { readFile } from 'node:fs';",
      "import path from 'path';",
      'const home = process.env.HOME;',
      "const bytes = Buffer.from('x');",
      "const os = await import('node:os');",
      "const fs = require('fs');",
      'const env = globalThis.process;',
    ].join('\n');
    expect(findNodeOnlyUses(source).map((use) => `${use.line}:${use.text}`)).toEqual([
      '1:node:fs',
      '2:path',
      '3:process',
      '4:Buffer',
      '5:node:os',
      '6:require',
      '6:fs',
      '7:globalThis.process',
    ]);
  });

  it('ignores look-alikes: property names, local bindings, strings and comments', () => {
    const source = [
      'const job = { process: 1 };',
      'job.process += 1;',
      '// process.env.HOME',
      "const label = 'Buffer';",
      'function run(require: () => void): void { require(); }',
      'class Queue { process(): void {} }',
    ].join('\n');
    expect(findNodeOnlyUses(source)).toEqual([]);
  });
});
