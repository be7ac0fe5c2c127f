/**
 * Is a project inside a workspace? A workspace root is a folder whose .scaffold/config.yml says
 * `workspace: true` (config/workspace.ts); it holds the repository's GitHub workflows, which
 * GitHub reads only at the repository root. A unit below one renders no `.github/workflows/`
 * of its own. Looked for in the folders above the project, up to the git root (the folder
 * holding `.git`) or, outside git, the filesystem root. Only read, never written; the line is
 * matched as text so that update's fast path, which hashes this, loads no YAML library.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../project-files.js';

/** `workspace: true` at the top of a config.yml, as `scaffold init --workspace` writes it. */
export const WORKSPACE_LINE = /^workspace:\s*true\s*(#.*)?$/m;

export function isWorkspaceText(text: string): boolean {
  return WORKSPACE_LINE.test(text);
}

/** Whether `dir` is a workspace root: its config.yml says `workspace: true`. */
export function isWorkspaceRoot(dir: string): boolean {
  const config = join(dir, CONFIG_FILE);
  return existsSync(config) && statSync(config).isFile() && isWorkspaceText(readFileSync(config, 'utf8'));
}

/** The workspace root above `projectDir` (absolute), or undefined. */
export function workspaceAbove(projectDir: string): string | undefined {
  let dir = resolve(projectDir);
  if (existsSync(join(dir, '.git'))) return undefined;
  for (let parent = dirname(dir); parent !== dir; dir = parent, parent = dirname(dir)) {
    if (isWorkspaceRoot(parent)) return parent;
    if (existsSync(join(parent, '.git'))) return undefined;
  }
  return undefined;
}
