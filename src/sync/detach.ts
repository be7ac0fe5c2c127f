/**
 * `scaffold detach`: Scaffold stops managing some files, or the whole project. Every file stays
 * byte for byte as it is; only the records of what was detached go. A file left with conflict
 * markers is refused (detaching it would freeze a half-merged file). Detaching the whole project
 * also deletes the workflows that only make sense with Scaffold (the drift check, the refresh),
 * if they are as Scaffold wrote them, and marks the manifest so that `update` says there is
 * nothing to manage; `init` starts again.
 */
import { sameContent } from '../content-hash.js';
import { UserError } from '../errors.js';
import { MANIFEST_VERSION } from '../project-files.js';
import type { Change, Disk, SyncPlan } from './decide.js';
import { hasConflictMarkers } from './merge3.js';
import type { Manifest, Records } from './records.js';
import { normalize } from './text.js';

/** The workflows that run Scaffold: without Scaffold they would fail, so a full detach removes them. */
const SCAFFOLD_WORKFLOWS = ['.github/workflows/scaffold.yml', '.github/workflows/scaffold-refresh.yml'];

export function planDetach(records: Records, disk: Disk, paths: string[] | 'all', today: string): SyncPlan {
  const previous = records.manifest;
  if (previous.detachedOn) throw new UserError(`this project was detached from Scaffold on ${previous.detachedOn}; there is nothing left to detach`);
  const managed = Object.entries(previous.files).filter(([, r]) => !r.deleted);
  const targets = paths === 'all' ? managed.map(([p]) => p) : paths;
  for (const path of targets) {
    const record = previous.files[path];
    if (!record || record.deleted) {
      throw new UserError(`${path}: Scaffold does not manage that file; \`scaffold update --dry-run\` lists the files it manages`);
    }
    const raw = disk.read(path);
    if (raw !== undefined && record.policy !== 'seed' && hasConflictMarkers(normalize(raw).text)) {
      throw new UserError(`${path} still has conflict markers: resolve them, delete the marker lines, then detach it`);
    }
  }
  const changes: Change[] = targets.map((path) => {
    const record = previous.files[path]!;
    const base = { path, source: record.source, policy: record.policy };
    const raw = disk.read(path);
    if (paths === 'all' && SCAFFOLD_WORKFLOWS.includes(path) && raw !== undefined && record.written !== undefined && sameContent(raw, record.written)) {
      return { ...base, action: 'delete', reason: 'runs Scaffold, which this project no longer uses' };
    }
    return { ...base, action: 'detach', reason: raw === undefined ? 'was deleted; no longer generated' : 'now plain: Scaffold no longer changes it' };
  });

  const detached = new Set(targets);
  const manifest: Manifest =
    paths === 'all'
      ? { version: MANIFEST_VERSION, scaffoldVersion: previous.scaffoldVersion, detachedOn: today, files: {} }
      : {
          ...previous,
          files: Object.fromEntries(Object.entries(previous.files).filter(([p]) => !detached.has(p))),
          detached: [...new Set([...(previous.detached ?? []), ...targets])].sort(),
        };
  const bases = new Map<string, string>();
  for (const [path, record] of Object.entries(manifest.files)) {
    const kept = records.base(path, record.hash);
    if (kept !== undefined) bases.set(path, kept);
  }
  return { changes, manifest, bases, warnings: [] };
}
