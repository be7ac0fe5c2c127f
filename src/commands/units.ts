/**
 * Units: the projects of a repository, each a folder with its own .scaffold/config.yml (a
 * monorepo's `services/model` and `packages/sdk`, or the repository itself). Found under a folder
 * without walking node_modules or what git ignores: inside a git work tree git lists the files
 * (it knows the ignore rules); elsewhere the walk skips node_modules and hidden folders.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CONFIG_FILE, SCAFFOLD_DIR } from '../project-files.js';

/** The units under `root`, as paths relative to it ('.' for the root itself), sorted. */
export function findUnits(root: string): string[] {
  const found = fromGit(root) ?? walk(root);
  return [...new Set(found)].sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)));
}

function fromGit(root: string): string[] | undefined {
  // Loaded here, not with the bundle: every other command would pay for child_process.
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const git = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', `:(glob)**/${CONFIG_FILE}`], { cwd: root, encoding: 'utf8' });
  if (git.status !== 0 || git.error) return undefined;
  return git.stdout
    .split('\0')
    .filter(Boolean)
    .filter((file) => !file.split('/').includes('node_modules') && existsSync(join(root, file)))
    .map((file) => unitOf(file));
}

/** `services/model/.scaffold/config.yml` -> `services/model`; `.scaffold/config.yml` -> `.`. */
function unitOf(configPath: string): string {
  return dirname(dirname(configPath)) || '.';
}

function walk(root: string): string[] {
  const units: string[] = [];
  const visit = (dir: string) => {
    if (existsSync(join(dir, CONFIG_FILE))) units.push(relative(root, dir).split(sep).join('/') || '.');
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || (entry.name.startsWith('.') && entry.name !== SCAFFOLD_DIR)) continue;
      if (entry.name === SCAFFOLD_DIR) continue;
      visit(join(dir, entry.name));
    }
  };
  visit(root);
  return units;
}
