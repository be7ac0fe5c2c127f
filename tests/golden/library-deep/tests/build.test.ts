/**
 * Pattern: test what you publish, not only your sources. This file runs `npm run build` once,
 * then checks the package the way its users will meet it: every file package.json points at
 * exists, each entry loads through the package name with Node's own resolver (a child process,
 * as a consumer's code would), TypeScript finds the declarations for each way of loading it, and
 * `npm pack` would publish the built files and nothing else.
 * Replace: nothing when you add an entry point to "exports": every check reads the map.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

type Target = string | { [condition: string]: Target };

interface PackageJson {
  name: string;
  main?: string;
  module?: string;
  types?: string;
  exports: Record<string, Target>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const entries = Object.entries(pkg.exports).filter(([subpath]) => subpath !== './package.json');
/** What users write to load each entry point: "my-lib", "my-lib/node". */
const specifiers = entries.map(([subpath]) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));

function files(target: Target): string[] {
  return typeof target === 'string' ? [target] : Object.values(target).flatMap(files);
}

/** Run `code` in a fresh Node process inside the package, so the package name resolves to itself. */
function runInNode(code: string, type: 'module' | 'commonjs'): unknown {
  const output = execFileSync(process.execPath, [`--input-type=${type}`, '--eval', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output) as unknown;
}

/** The names each entry point exports, and a call of parse through the main entry. */
const PROBE = (load: (specifier: string) => string) => `
  const loaded = {};
  ${specifiers.map((specifier) => `loaded[${JSON.stringify(specifier)}] = Object.keys(${load(JSON.stringify(specifier))}).sort();`).join('\n')}
  const main = ${load(JSON.stringify(pkg.name))};
  console.log(JSON.stringify({ loaded, parsed: main.parse('1h30m') }));
`;

/** The same names from the sources, read by vitest: what the build must reproduce. */
async function sourceExports(): Promise<Record<string, string[]>> {
  const modules = await Promise.all(
    entries.map(([subpath]) => import(join(ROOT, 'src', `${subpath === '.' ? 'index' : subpath.slice(2)}.ts`)) as Promise<object>),
  );
  return Object.fromEntries(specifiers.map((specifier, i) => [specifier, Object.keys(modules[i]!).sort()]));
}

beforeAll(() => {
  try {
    execSync('npm run build', { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
}, 120_000);

// Each check starts Node, npm or the TypeScript compiler: seconds, not milliseconds, on a busy machine.
describe('the built package', { timeout: 60_000 }, () => {
  it('has every file package.json points at', () => {
    const pointed = [...entries.flatMap(([, target]) => files(target)), pkg.main, pkg.module, pkg.types].filter((file) => file !== undefined);
    expect(pointed.length).toBeGreaterThan(entries.length - 1);
    expect(pointed.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it('loads every entry point with import, exporting what the sources export', async () => {
    const result = runInNode(PROBE((specifier) => `await import(${specifier})`), 'module');
    expect(result).toEqual({ loaded: await sourceExports(), parsed: 5_400_000 });
  });

  it('loads every entry point with require() from the CommonJS build', async () => {
    const result = runInNode(PROBE((specifier) => `require(${specifier})`), 'commonjs');
    expect(result).toEqual({ loaded: await sourceExports(), parsed: 5_400_000 });
  });

  it('gives TypeScript the declarations for import and require, as a consumer resolves them', () => {
    // Files a consumer could write, type-checked as if they were in this package: each loads every
    // entry point, so a missing or misplaced declaration is an error here.
    const loads = (line: (specifier: string, i: number) => string) => specifiers.map(line).join('\n');
    const consumers: Record<string, string> = {
      'consumer.mts': `${loads((s, i) => `import * as entry${i} from '${s}';`)}\nexport const ms: number = entry0.parse('1h');\n`,
      'consumer.cts': `${loads((s, i) => `import entry${i} = require('${s}');`)}\nexport const ms: number = entry0.parse('1h');\n`,
    };
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipDefaultLibCheck: true,
    };
    const host = ts.createCompilerHost(options);
    const virtual = (file: string) => consumers[file.slice(ROOT.length)];
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (file) => virtual(file) !== undefined || fileExists(file);
    host.readFile = (file) => virtual(file) ?? readFile(file);
    host.getSourceFile = (file, language) => {
      const text = virtual(file);
      return text === undefined ? getSourceFile(file, language) : ts.createSourceFile(file, text, language);
    };
    const program = ts.createProgram(Object.keys(consumers).map((file) => join(ROOT, file)), options, host);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    const declarations = program.getSourceFiles().map((file) => file.fileName).filter((file) => file.startsWith(join(ROOT, 'dist')));
    expect(declarations.length).toBeGreaterThan(0);
  });

  it('packs the built files and package.json, and no sources or tests', () => {
    const [report] = JSON.parse(execSync('npm pack --dry-run --json --ignore-scripts', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as [{ files: { path: string }[] }];
    const packed = report.files.map((file) => file.path);
    const pointed = entries.flatMap(([, target]) => files(target)).map((file) => file.replace(/^\.\//, ''));
    expect(packed).toContain('package.json');
    expect(pointed.filter((file) => !packed.includes(file))).toEqual([]);
    expect(packed.filter((file) => /^(src|tests)\//.test(file))).toEqual([]);
  });
});
