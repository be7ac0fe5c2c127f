/** Syntax checks for the code fences of rendered documents. */
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

export interface Fence {
  lang: string;
  code: string;
  line: number;
}

export function fencesOf(markdown: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, , marker, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(marker!)) body.push(lines[j++]!);
    fences.push({ lang: lang ?? '', code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return fences;
}

/** A syntax error message for fences this process can check, or undefined. */
export function syntaxError(fence: Fence): string | undefined {
  switch (fence.lang) {
    case 'typescript':
    case 'ts':
    case 'tsx': {
      const out = ts.transpileModule(fence.code, {
        fileName: fence.lang === 'tsx' ? 'x.tsx' : 'x.ts',
        reportDiagnostics: true,
        compilerOptions: { jsx: ts.JsxEmit.Preserve },
      });
      const d = out.diagnostics?.[0];
      return d ? ts.flattenDiagnosticMessageText(d.messageText, '\n') : undefined;
    }
    case 'json':
      try {
        JSON.parse(fence.code);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    case 'yaml':
    case 'yml': {
      const error = parseAllDocuments(fence.code).flatMap((d) => ('errors' in d ? d.errors : []))[0];
      return error?.message.split('\n')[0];
    }
    default:
      return undefined;
  }
}

const PYTHON_CHECK = `
import ast, json, sys, tomllib
failures = []
for item in json.load(sys.stdin):
    try:
        if item["lang"] == "python":
            ast.parse(item["code"])
        else:
            tomllib.loads(item["code"])
    except Exception as error:
        failures.append({"key": item["key"], "error": f"{type(error).__name__}: {error}"})
json.dump(failures, sys.stdout)
`;

/** Python and TOML fences, checked by one python3 process: key -> error. */
export function pythonSyntaxErrors(items: { key: string; lang: 'python' | 'toml'; code: string }[]): Map<string, string> {
  if (items.length === 0) return new Map();
  const run = spawnSync('python3', ['-c', PYTHON_CHECK], { input: JSON.stringify(items), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  const failures = JSON.parse(run.stdout) as { key: string; error: string }[];
  return new Map(failures.map((f) => [f.key, f.error]));
}
