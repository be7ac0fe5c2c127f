/**
 * Conflict resolution for pulled records: last write wins, by the timestamp the server assigned
 * when it accepted the write. Device clocks drift and can be set by hand, so they never decide.
 * Merging is order-independent and idempotent: the same records applied in any order, any
 * number of times, give the same result, which is what makes retried and overlapping pulls safe.
 */

export interface SyncedRecord {
  id: string;
  /** Server time of the last accepted write, in milliseconds since the epoch. */
  serverUpdatedAt: number;
  /** A tombstone: the record was deleted, and the deletion must win over older edits. */
  deleted?: boolean;
}

/** The record to keep when two versions of the same record meet. */
export function lastWriteWins<T extends SyncedRecord>(current: T | undefined, incoming: T): T {
  if (current === undefined) return incoming;
  if (incoming.id !== current.id) throw new Error(`cannot merge record ${incoming.id} into ${current.id}`);
  if (incoming.serverUpdatedAt !== current.serverUpdatedAt) {
    return incoming.serverUpdatedAt > current.serverUpdatedAt ? incoming : current;
  }
  // Same timestamp: a deletion wins, so that the result does not depend on arrival order.
  return incoming.deleted === true ? incoming : current;
}

/** Apply a page of pulled records to the local copy; returns a new map and leaves `local` untouched. */
export function mergePulled<T extends SyncedRecord>(local: ReadonlyMap<string, T>, pulled: readonly T[]): Map<string, T> {
  const merged = new Map(local);
  for (const record of pulled) merged.set(record.id, lastWriteWins(merged.get(record.id), record));
  return merged;
}
