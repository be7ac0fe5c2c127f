/**
 * What a run does to a file, and which of those mean the project is out of date. Its own module,
 * with no imports: the report of update's fast path needs it without loading the sync engine.
 */
export type Action = 'create' | 'update' | 'merge' | 'conflict' | 'delete' | 'rename' | 'keep' | 'skip' | 'detach' | 'unchanged';

/** Actions that mean the project is out of date (`update --check` exits 1). */
export const DRIFT: ReadonlySet<Action> = new Set(['create', 'update', 'merge', 'conflict', 'delete', 'rename']);
