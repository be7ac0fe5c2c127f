// The package as a user gets it: packed with `npm pack` and unpacked into a cache folder outside
// the repo, so the bench times the files npm would install (no sources, built before packing).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function installedPackage(root) {
  const dir = join(tmpdir(), 'scaffold-bench-installed');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--silent', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  const untar = spawnSync('tar', ['xzf', tarball, '-C', dir], { cwd: dir });
  if (untar.status !== 0) throw new Error('unpacking the tarball failed');
  return join(dir, 'package');
}
